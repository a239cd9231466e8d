export * from "./provider.ts";
export * from "./planner.ts";
export * from "./local-provider.ts";
export * from "./openai-provider.ts";
export * from "./openai-pricing.ts";
export * from "./messages.ts";
export * from "./env.ts";
