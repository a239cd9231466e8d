export * from "./day-key";
