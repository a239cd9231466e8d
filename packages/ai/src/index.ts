export * from "./provider.ts";
export * from "./planner.ts";
export * from "./local-provider.ts";
