/**
 * The API's configuration fragment (apps compose it with `extends: [apiEnv()]`).
 *
 * - `REDIS_URL` (optional): rate limits in Redis; unset = in-process limits (embedded mode).
 * - `ATLAS_CLOCK_OFFSET` (optional): shifts the server's clock so a demo or a test can stand at
 *   any instant. Either a signed integer of milliseconds (`86400000`, `-3600000`) or a signed ISO
 *   8601 duration in fixed-length units: weeks, days, hours, minutes, seconds (`P3D`, `-PT90M`,
 *   `P1DT2H`; a fraction only on seconds, `PT1.5S`). Years and months have no fixed length: refused.
 *   Honoured only in `embedded` and `test` mode; in production a set offset is an error.
 */
import { createEnv } from "@t3-oss/env-core";
import { offsetClock, systemClock, type Clock } from "@atlas/time/clock";
import { AtlasConfigError, atlasMode } from "@atlas/db/env";
import { z } from "zod";

const MS = { W: 604_800_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1000 } as const;
const ISO_DURATION =
  /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

/** Milliseconds of an ATLAS_CLOCK_OFFSET value, or undefined when it is not one (see above). */
export function parseClockOffset(value: string): number | undefined {
  const text = value.trim();
  if (/^[+-]?\d+$/.test(text)) {
    const ms = Number(text);
    return Number.isSafeInteger(ms) ? ms : undefined;
  }
  const m = ISO_DURATION.exec(text);
  if (!m || text.endsWith("P") || text.endsWith("T")) return undefined;
  const [, sign, w, d, h, min, s] = m;
  const ms =
    Number(w ?? 0) * MS.W +
    Number(d ?? 0) * MS.D +
    Number(h ?? 0) * MS.H +
    Number(min ?? 0) * MS.M +
    Math.round(Number(s ?? 0) * MS.S);
  return sign === "-" ? -ms : ms;
}

const server = {
  ATLAS_MODE: z.enum(["production", "embedded", "test"]).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  ATLAS_CLOCK_OFFSET: z
    .string()
    .refine((v) => parseClockOffset(v) !== undefined, {
      message:
        "must be milliseconds (e.g. 86400000) or an ISO 8601 duration in weeks, days, hours, minutes, seconds (e.g. P3D, -PT90M)",
    })
    .optional(),
};

export type ApiEnv = Readonly<{
  ATLAS_MODE?: "production" | "embedded" | "test";
  REDIS_URL?: string;
  ATLAS_CLOCK_OFFSET?: string;
}>;

/** The validated fragment; errors name every variable at fault (values are never echoed). */
export function apiEnv(runtimeEnv: Record<string, string | undefined> = process.env): ApiEnv {
  const env = createEnv({
    server,
    runtimeEnv,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      const names = [...new Set(issues.map((i) => String(i.path?.[0] ?? "environment")))];
      throw new AtlasConfigError(
        `Invalid ${names.join(", ")}: ${issues.map((i) => `${String(i.path?.[0])} ${i.message}`).join("; ")}.`,
        names,
      );
    },
  });
  createClockFromEnv(env); // refuses an offset in production at start, not at first use
  return env;
}

/**
 * The server's clock: the system clock, shifted by ATLAS_CLOCK_OFFSET in embedded and test mode.
 * Production (ATLAS_MODE unset or "production") with an offset set is an AtlasConfigError.
 */
export function createClockFromEnv(env: Pick<ApiEnv, "ATLAS_MODE" | "ATLAS_CLOCK_OFFSET">): Clock {
  const raw = env.ATLAS_CLOCK_OFFSET?.trim();
  if (!raw) return systemClock;
  const mode = atlasMode({ ATLAS_MODE: env.ATLAS_MODE });
  if (mode === "production") {
    throw new AtlasConfigError(
      "ATLAS_CLOCK_OFFSET is set, but production mode (ATLAS_MODE unset or production) runs on the real clock: unset ATLAS_CLOCK_OFFSET, or set ATLAS_MODE=embedded or test.",
      ["ATLAS_CLOCK_OFFSET"],
    );
  }
  const offsetMs = parseClockOffset(raw);
  if (offsetMs === undefined) {
    throw new AtlasConfigError(
      "ATLAS_CLOCK_OFFSET must be milliseconds (e.g. 86400000) or an ISO 8601 duration in weeks, days, hours, minutes, seconds (e.g. P3D, -PT90M).",
      ["ATLAS_CLOCK_OFFSET"],
    );
  }
  return offsetClock(offsetMs);
}
