/** Zod pieces shared by several procedure schemas. */
import { ROLES } from "@atlas/core";
import { ZLocalDate } from "@atlas/time";
import { z } from "zod";
import { hasAtMostThreeDecimals, MAX_VALUE } from "@atlas/core/services/shared/values";
import type { SupportGrantOut } from "@atlas/core/services/platform/support-access";

export const ZRole = z.enum(ROLES);

/** An id as it arrives from a client (UUIDv7 text in this schema; kept loose but bounded). */
export const ZId = z.string().min(1).max(100);

/** An update must change something. */
export const atLeastOneField = {
  message: "Nothing to update: pass at least one field.",
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

/** Free text of at most `max` characters (trimmed unless `trim` is false). */
export function ZText(max: number, what: string, options: { trim?: boolean } = {}) {
  const base = options.trim === false ? z.string() : z.string().trim();
  return base
    .max(max, { error: `${what} must be at most ${max} characters` })
    .refine(noNul.check, { error: noNul.error });
}

/** A title of a goal, habit, task or milestone. */
export const ZTitle = z
  .string()
  .trim()
  .min(1, { error: "The title must not be empty" })
  .max(200, { error: "The title must be at most 200 characters" })
  .refine(noNul.check, { error: noNul.error });

/**
 * A calendar date in input (plans, the log): a real date from 1900-01-01 to 9999-12-31 (the
 * database's date type has no year 0, and nothing here is older than that).
 */
export const ZDateInput = ZLocalDate.refine((d) => d >= "1900-01-01", {
  error: "Dates start at 1900-01-01",
});

const threeDecimals = {
  check: hasAtMostThreeDecimals,
  error: "A value may have at most 3 decimal places",
};

/** A logged amount: 0 ≤ value ≤ MAX_VALUE, at most 3 decimals. */
export const ZLoggedValue = z
  .number({ error: "The value must be a number" })
  .min(0, { error: "The value must not be negative" })
  .max(MAX_VALUE, { error: `The value must be at most ${MAX_VALUE}` })
  .refine(threeDecimals.check, { error: threeDecimals.error });

/** A measurable target: 0 < value ≤ MAX_VALUE, at most 3 decimals. */
export const ZTargetValue = z
  .number({ error: "The target must be a number" })
  .positive({ error: "The target must be greater than 0" })
  .max(MAX_VALUE, { error: `The target must be at most ${MAX_VALUE}` })
  .refine(threeDecimals.check, { error: threeDecimals.error });

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
