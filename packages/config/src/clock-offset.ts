/**
 * `ATLAS_CLOCK_OFFSET` (optional): shifts the server's clock so a demo or a test can stand at any
 * instant. Either a signed integer of milliseconds (`86400000`, `-3600000`) or a signed ISO 8601
 * duration in fixed-length units: weeks, days, hours, minutes, seconds (`P3D`, `-PT90M`,
 * `P1DT2H`; a fraction only on seconds, `PT1.5S`). Years and months have no fixed length: refused.
 * Honoured only in `embedded` and `test` mode; in production a set offset is an error.
 */
import { read, type Env } from "./env.ts";
import { AtlasConfigError } from "./errors.ts";
import { atlasMode } from "./mode.ts";

const MS = { W: 604_800_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1000 } as const;
const ISO_DURATION =
  /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

export const CLOCK_OFFSET_FORMAT =
  "milliseconds (e.g. 86400000) or an ISO 8601 duration in weeks, days, hours, minutes, seconds (e.g. P3D, -PT90M)";

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

/**
 * The clock offset in milliseconds, or undefined when unset. Production (ATLAS_MODE unset or
 * "production") with an offset set, or a malformed offset, is an AtlasConfigError naming it.
 */
export function clockOffsetMs(env: Env = process.env): number | undefined {
  const raw = read(env, "ATLAS_CLOCK_OFFSET");
  if (raw === undefined) return undefined;
  if (atlasMode(env) === "production") {
    throw new AtlasConfigError(
      "ATLAS_CLOCK_OFFSET is set, but production mode (ATLAS_MODE unset or production) runs on the real clock: unset ATLAS_CLOCK_OFFSET, or set ATLAS_MODE=embedded or test.",
      ["ATLAS_CLOCK_OFFSET"],
    );
  }
  const offsetMs = parseClockOffset(raw);
  if (offsetMs === undefined) {
    throw new AtlasConfigError(`ATLAS_CLOCK_OFFSET must be ${CLOCK_OFFSET_FORMAT}.`, [
      "ATLAS_CLOCK_OFFSET",
    ]);
  }
  return offsetMs;
}
