/**
 * The API's configuration fragment (apps compose it with `extends: [apiEnv()]`).
 *
 * - `REDIS_URL` (optional): rate limits in Redis; unset = in-process limits (embedded mode).
 * - `ATLAS_CLOCK_OFFSET` (optional): shifts the server's clock, in embedded and test mode only
 *   (the format and the rule are @atlas/config's clock-offset.ts).
 * - `ATLAS_SELF_HOSTED_LIMITS` (optional): the self-hosted plan's limits and flags as JSON
 *   (core's services/billing/self-hosted.ts); checked at start so a typo stops the server.
 */
import { createEnv } from "@t3-oss/env-core";
import { offsetClock, systemClock, type Clock } from "@atlas/time/clock";
import {
  ATLAS_MODES,
  AtlasConfigError,
  CLOCK_OFFSET_FORMAT,
  clockOffsetMs,
  parseClockOffset,
  type AtlasMode,
} from "@atlas/config";
import { parseSelfHostedLimits } from "@atlas/core/services/billing/self-hosted";
import { z } from "zod";

const server = {
  ATLAS_MODE: z.enum(ATLAS_MODES).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  ATLAS_CLOCK_OFFSET: z
    .string()
    .refine((v) => parseClockOffset(v) !== undefined, { message: `must be ${CLOCK_OFFSET_FORMAT}` })
    .optional(),
  ATLAS_SELF_HOSTED_LIMITS: z
    .string()
    .superRefine((value, check) => {
      try {
        parseSelfHostedLimits(value);
      } catch (error) {
        if (!(error instanceof AtlasConfigError)) throw error;
        // The parser's message names the variable itself; the issue is prefixed with it again.
        check.addIssue({ code: "custom", message: error.message.replace(/^\S+ /, "") });
      }
    })
    .optional(),
};

export type ApiEnv = Readonly<{
  ATLAS_MODE?: AtlasMode;
  REDIS_URL?: string;
  ATLAS_CLOCK_OFFSET?: string;
  ATLAS_SELF_HOSTED_LIMITS?: string;
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
  const offsetMs = clockOffsetMs({ ...env });
  return offsetMs === undefined ? systemClock : offsetClock(offsetMs);
}
