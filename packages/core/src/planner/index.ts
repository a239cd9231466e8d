export * from "./types.ts";
export * from "./fit.ts";
export * from "./place.ts";
export * from "./checks.ts";
export * from "./local-planner.ts";
export * from "./learning.ts";
