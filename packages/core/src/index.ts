export * from "./day-key.ts";
export * from "./clock.ts";
