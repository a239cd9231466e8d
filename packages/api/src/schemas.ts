/**
 * Zod pieces shared by several procedure schemas. Input messages name the field as the form
 * labels it and say what is allowed; the bounds are docs/domain.md "Bounds" (core's bounds.ts).
 * No server-only imports: the web forms load these schemas to check before sending.
 */
import { ROLES } from "@atlas/core/permissions";
import { MAX_DATE, MAX_TITLE_LENGTH, MAX_VALUE, MIN_DATE } from "@atlas/core/bounds";
import {
  isLocalDate,
  isValidTimeZone,
  MAX_DAY_START_MINUTES,
  ZLocalDate,
  type LocalDate,
} from "@atlas/time";
import { z } from "zod";
import { hasAtMostThreeDecimals } from "@atlas/core/services/shared/values";
import type { SupportGrantOut } from "@atlas/core/services/platform/support-access";
import { formatNumber } from "./messages.ts";

export const ZRole = z.enum(ROLES);

/** An id as it arrives from a client (UUIDv7 text in this schema; kept loose but bounded). */
export const ZId = z.string().min(1).max(100);

/** An update must change something. */
export const atLeastOneField = {
  message: "Nothing to update: change at least one field.",
  check: (value: object) => Object.values(value).some((v) => v !== undefined),
};

/** An instant in output: ISO 8601 in UTC (JSON-shaped, so an idempotent replay equals the first answer). */
export const ZInstantOutput = z.iso.datetime();

/**
 * The client's key of a create (docs/domain.md "Idempotency"): 8–200 visible ASCII characters (a UUID
 * fits), unique per workspace. A retry sends the same key and the same request.
 */
export const ZIdempotencyKey = z
  .string({ error: "idempotencyKey is required: send a new random key (e.g. a UUID) per create" })
  .min(8, { error: "idempotencyKey must be at least 8 characters" })
  .max(200, { error: "idempotencyKey must be at most 200 characters" })
  .regex(/^[\x21-\x7e]+$/, {
    error: "idempotencyKey must be visible ASCII characters without spaces",
  });

/** Whose plans or log a call is about; omitted = the caller's own. */
export const ZMemberIdInput = ZId.optional();

/** PostgreSQL text cannot hold a NUL character: refused as input rather than failing on write. */
export const noNul = {
  check: (text: string) => !text.includes("\u0000"),
  error: "Text must not contain NUL characters",
};

/** Free text of at most `max` characters (trimmed unless `trim` is false), labelled `what`. */
export function ZText(max: number, what: string, options: { trim?: boolean } = {}) {
  const error = `${what} must be at most ${formatNumber(max)} characters`;
  const base = options.trim === false ? z.string({ error }) : z.string({ error }).trim();
  return base.max(max, { error }).refine(noNul.check, { error: noNul.error });
}

/** Required text of 1 … `max` characters after trimming, labelled `what` ("Name", "Unit"). */
export function ZRequiredText(max: number, what: string) {
  const error = `${what} must be 1 to ${formatNumber(max)} characters`;
  return z
    .string({ error })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error })
    .refine(noNul.check, { error: noNul.error });
}

/** A title of a goal, task or milestone ("Title"); a habit's form calls it "Name". */
export function ZTitle(what = "Title") {
  return ZRequiredText(MAX_TITLE_LENGTH, what);
}

/**
 * A whole number from `min` to `max` ("Times per week must be a whole number from 1 to 7";
 * with `unit`: "Duration must be a whole number of minutes from 0 to 1,440"): one message for a
 * wrong type, NaN, a fraction or a value out of range.
 */
export function ZWholeNumber(what: string, min: number, max: number, unit?: string) {
  const error = `${what} must be a whole number${unit ? ` of ${unit}` : ""} from ${formatNumber(min)} to ${formatNumber(max)}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** A time zone picked from the list ("Time zone", "Default time zone"): a current IANA name. */
export function ZTimeZone(what: string) {
  const error = `${what} must be a time zone from the list, like Europe/Berlin`;
  return z.string({ error }).refine(isValidTimeZone, { error });
}

/** When a member's day starts ("Day starts at"): minutes after midnight, up to noon. */
export const ZDayStartMinutes = ZWholeNumber(
  "Day starts at",
  0,
  MAX_DAY_START_MINUTES,
  "minutes after midnight",
);

/** The words of a date's range, for messages. */
const DATE_RANGE = "from 1 January 2000 to 31 December 2100";

/**
 * A calendar date in input ("YYYY-MM-DD"), labelled `what`: a real date from MIN_DATE to MAX_DATE
 * (docs/domain.md "Bounds"). Bounds relative to the member's today are the services'.
 */
export function ZDate(what: string) {
  const error = `${what} must be a real date ${DATE_RANGE}`;
  return z
    .string({ error })
    .refine(isLocalDate, { error, abort: true })
    .refine((d) => d >= MIN_DATE && d <= MAX_DATE, { error })
    .transform((d) => d as LocalDate);
}

/** A date whose form has no label of its own (the log's day, a list's range). */
export const ZDateInput = ZDate("The date");

/** A number with at most 3 decimals from `min` (or above it, `exclusive`) to MAX_VALUE. */
function ZAmount(what: string, min: number, exclusive: boolean) {
  const range = exclusive
    ? `greater than ${formatNumber(min)} and at most ${formatNumber(MAX_VALUE)}`
    : `from ${formatNumber(min)} to ${formatNumber(MAX_VALUE)}`;
  const error = `${what} must be a number ${range}, with at most 3 decimal places`;
  const base = z.number({ error });
  return (exclusive ? base.gt(min, { error }) : base.min(min, { error }))
    .max(MAX_VALUE, { error })
    .refine(hasAtMostThreeDecimals, { error });
}

/** A logged amount ("Amount" on Today): 0 ≤ value ≤ MAX_VALUE, at most 3 decimals. */
export const ZLoggedValue = ZAmount("Amount", 0, false);

/** A measurable target ("Target amount"): 0 < value ≤ MAX_VALUE, at most 3 decimals. */
export const ZTargetValue = ZAmount("Target amount", 0, true);

/**
 * Set on a chart the plan's chart history cut (docs/domain.md "Plans and entitlements"): the
 * plan's days, the first day shown, and the note the screen shows ("Your plan (Free) shows the
 * last 30 days: the Team plan shows more."); null when nothing was cut.
 */
export const ZHistoryLimit = z
  .object({ days: z.number().int(), earliest: ZLocalDate, message: z.string() })
  .nullable();

/** Cursor pagination: pass the previous page's `nextCursor` to get the next page. */
export const ZPageInput = {
  cursor: ZId.optional(),
  limit: z.number().int().min(1).max(100).default(50),
};

/** A page of `item`: items in a stable order, and the cursor of the next page (null: the last). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The input without the route parameter `workspaceId` (merged into every workspace input). */
export function withoutWorkspace<T extends { workspaceId?: string }>(
  input: T,
): Omit<T, "workspaceId"> {
  const { workspaceId: _route, ...rest } = input;
  return rest;
}

/**
 * What a core service resolves to. Each route's output schema is declared
 * `satisfies z.ZodType<ServiceOutput<typeof service>>`, so the schema cannot promise more than the
 * service returns; tRPC's `.output()` checks that the service returns what the schema accepts.
 */
export type ServiceOutput<F extends (...args: never[]) => Promise<unknown>> = Awaited<
  ReturnType<F>
>;

/** A support grant, as its owner and the staff member who asked see it (docs/domain.md "Support access"). */
export const ZSupportGrant = z.object({
  id: z.string(),
  workspaceId: z.string(),
  workspaceName: z.string().nullable(),
  staff: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  reason: z.string(),
  scope: z.enum(["read", "write"]),
  durationMinutes: z.number().int(),
  status: z.enum(["requested", "approved", "refused", "revoked"]),
  breakGlass: z.boolean(),
  isActive: z.boolean(),
  requestedAt: ZInstantOutput,
  decidedAt: ZInstantOutput.nullable(),
  decisionNote: z.string().nullable(),
  startsAt: ZInstantOutput.nullable(),
  expiresAt: ZInstantOutput.nullable(),
  revokedAt: ZInstantOutput.nullable(),
}) satisfies z.ZodType<SupportGrantOut>;
