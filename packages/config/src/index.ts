export { AtlasConfigError } from "./errors.ts";
export { isSet, read, variableOf, type Env, type EnvIssue } from "./env.ts";
export { ATLAS_MODES, atlasMode, isAtlasMode, type AtlasMode } from "./mode.ts";
export { repoRoot } from "./repo-root.ts";
export { CLOCK_OFFSET_FORMAT, clockOffsetMs, parseClockOffset } from "./clock-offset.ts";
