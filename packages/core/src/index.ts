export * from "./day-key.ts";
export * from "./clock.ts";
export * from "./errors.ts";
export * from "./permissions.ts";
export * from "./time-setting.ts";
export * from "./model.ts";
