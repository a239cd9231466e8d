/**
 * `ATLAS_MODE` (docs/architecture.md "Modes"): `production` (the default when unset), `embedded` or
 * `test`. Nothing in Atlas depends on NODE_ENV.
 */
import { read, type Env } from "./env.ts";
import { AtlasConfigError } from "./errors.ts";

export const ATLAS_MODES = ["production", "embedded", "test"] as const;
export type AtlasMode = (typeof ATLAS_MODES)[number];

export function isAtlasMode(value: string): value is AtlasMode {
  return (ATLAS_MODES as readonly string[]).includes(value);
}

/** `ATLAS_MODE`: unset means production; anything but the three modes is refused. */
export function atlasMode(env: Env = process.env): AtlasMode {
  const value = read(env, "ATLAS_MODE");
  if (value === undefined) return "production";
  if (isAtlasMode(value)) return value;
  throw new AtlasConfigError(
    `ATLAS_MODE must be one of ${ATLAS_MODES.join(", ")} (unset means production); got ${JSON.stringify(value)}.`,
    ["ATLAS_MODE"],
  );
}
