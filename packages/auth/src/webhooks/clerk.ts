/**
 * Clerk → Atlas sync: users, organizations (workspaces) and memberships (docs/adr/0003). The
 * only writer of people and workspaces in production, hence the audited bypass client.
 *
 * Contract of `handleClerkWebhook`:
 * - The svix signature is verified with Clerk's `verifyWebhook` (Standard Webhooks, offline, with
 *   the signing secret; it also refuses timestamps more than 5 minutes off). A missing or bad
 *   signature is 400 and nothing is read from or written to the database.
 * - Event types Atlas does not handle are 200 `{ status: "ignored" }`, nothing stored.
 * - A handled type whose payload does not parse is 400 `{ error: "malformed payload" }`,
 *   nothing stored (Clerk retries; the issue paths are in the body, never the values).
 * - A handled event runs in one transaction that first inserts `ProcessedWebhookEvent`
 *   (provider "clerk", eventId = the svix message id) with ON CONFLICT DO NOTHING: a redelivery
 *   finds the row and changes nothing (200 `{ status: "duplicate" }`); a concurrent duplicate
 *   waits on the unique index until the first commits. An error rolls everything back (500, and
 *   svix retries).
 * - Every call that reaches the database goes through withBypass, which writes one `bypass.use`
 *   audit entry (platform-level) before the work. So a replay adds that audit entry, and nothing
 *   else.
 *
 * Decisions (docs/architecture.md "Tenancy"; docs/domain.md "Workspaces and people"):
 * - Ids: `User.id` = Clerk user id, `Workspace.id` = Clerk organization id, also written to
 *   `clerkUserId` / `clerkOrgId`.
 * - Users: email = the primary address (else the first; a user with none gets
 *   `<id>@users.clerk.invalid`, a reserved domain nothing is ever sent to); name = first + last
 *   name, else the username. `isPlatformAdmin` is never set from Clerk. A user created here gets
 *   a `UserTimeSetting` (effectiveFrom = today in UTC, "UTC", day start 0) unless one exists.
 * - `user.deleted` ends every membership of the person (`leftAt`) and blanks what identifies them:
 *   the email becomes the reserved placeholder (so it is freed) and the name empty. The User row
 *   stays, because the execution log and the derived days of each workspace keep their history
 *   and reference the membership ON DELETE RESTRICT (migration 20261123090000_backstops).
 * - `organization.created|updated` upserts the workspace: new ones get the `self_hosted` plan
 *   (billing changes it later) and a slug from the Clerk slug, lower-cased and made unique with
 *   `-2`, `-3`…; an update renames and re-slugs but never touches plan or settings.
 *   `organization.deleted` erases the workspace and everything in it (`eraseWorkspaceData`, the
 *   one path past the log's append-only trigger); its audit entries stay.
 * - `organizationMembership.created|updated` upserts the membership with the mapped role
 *   (`mapClerkRole`: unknown roles become `member`); the user and the workspace are created from
 *   the payload when their own events have not arrived yet (svix does not guarantee order).
 *   Capacities are Atlas's and are never overwritten; a person who had left is back (`leftAt`
 *   cleared). A created membership also marks Atlas's open invitation of that address accepted
 *   (the invitee accepted Clerk's invitation; docs/domain.md "Members and invitations").
 *   `organizationMembership.deleted` sets `leftAt`: the member leaves, their plans and log stay.
 * - Tombstones: each deletion also writes a platform-level audit entry (`clerk.user.deleted`,
 *   `clerk.organization.deleted`, `clerk.membership.deleted` keyed by the Clerk membership id).
 *   A late event about a deleted user, organization or membership (out of order or retried) is
 *   then processed as a no-op instead of bringing it back. A person re-added to an organization
 *   gets a new Clerk membership id, so re-adding still works.
 * - After a processed membership created/updated event commits, `onMemberJoined` is told the
 *   workspace (the web app queues the seat sync); a duplicate tells nobody.
 */
import { verifyWebhook } from "@clerk/backend/webhooks";
import { entitlementsColumn } from "@atlas/core/services/billing/snapshot";
import { eraseWorkspaceData, withBypass } from "@atlas/db/bypass";
import { AtlasConfigError } from "@atlas/config";
import { type Db } from "@atlas/db";
import { z } from "zod";
import { mapClerkRole } from "../clerk.ts";

export interface ClerkWebhookOptions {
  /** CLERK_WEBHOOK_SIGNING_SECRET (`whsec_…`). */
  signingSecret: string;
  /** The database the bypass client uses; tests pass their own (default: DATABASE_ADMIN_URL). */
  db?: Db;
  /** Now: "today in UTC" of a new user's time setting, and when a member left (default: the system clock). */
  now?: () => Date;
  /**
   * Called after a processed membership created/updated event committed (the seat sync,
   * docs/domain.md "Seats"); it must not throw and is not awaited.
   */
  onMemberJoined?: (workspaceId: string) => void;
}

export const CLERK_WEBHOOK_PROVIDER = "clerk";
export const SELF_HOSTED_PLAN_KEY = "self_hosted" as const;

// ── Payloads (only what Atlas reads; anything else Clerk sends is ignored) ───────────────────

const id = z.string().trim().min(1);
const optionalText = z.string().nullish();

const userData = z.object({
  id,
  email_addresses: z
    .array(z.object({ id: z.string(), email_address: z.string().trim().min(1) }))
    .default([]),
  primary_email_address_id: z.string().nullish(),
  first_name: optionalText,
  last_name: optionalText,
  username: optionalText,
});

const organizationData = z.object({
  id,
  name: z.string().trim().min(1),
  slug: z.string().nullish(),
});

const deletedData = z.object({ id });

const membershipData = z.object({
  id,
  role: z.string(),
  organization: organizationData,
  public_user_data: z.object({
    user_id: id,
    identifier: z.string().nullish(),
    first_name: optionalText,
    last_name: optionalText,
  }),
});

const HANDLED = {
  "user.created": userData,
  "user.updated": userData,
  "user.deleted": deletedData,
  "organization.created": organizationData,
  "organization.updated": organizationData,
  "organization.deleted": deletedData,
  "organizationMembership.created": membershipData,
  "organizationMembership.updated": membershipData,
  "organizationMembership.deleted": membershipData,
} as const;

type HandledType = keyof typeof HANDLED;
type HandledEvent = {
  [T in HandledType]: { type: T; data: z.infer<(typeof HANDLED)[T]> };
}[HandledType];

function isHandled(type: string): type is HandledType {
  return Object.hasOwn(HANDLED, type);
}

const envelope = z.object({ type: z.string().min(1), data: z.unknown() });

function json(status: number, body: Record<string, unknown>) {
  return Response.json(body, { status });
}

// ── The handler ─────────────────────────────────────────────────────────────────────────────

export type ClerkWebhookOutcome = "processed" | "duplicate" | "ignored";

/** Verifies, validates and applies one Clerk webhook delivery; see the module comment. */
export async function handleClerkWebhook(
  request: Request,
  options: ClerkWebhookOptions,
): Promise<Response> {
  if (!options.signingSecret) {
    throw new AtlasConfigError(
      "Clerk webhooks need CLERK_WEBHOOK_SIGNING_SECRET (the whsec_… secret of the endpoint).",
      ["CLERK_WEBHOOK_SIGNING_SECRET"],
    );
  }
  const messageId = request.headers.get("svix-id")?.trim();

  let verified: unknown;
  try {
    verified = await verifyWebhook(request, { signingSecret: options.signingSecret });
  } catch {
    return json(400, { error: "invalid signature" });
  }
  if (!messageId) return json(400, { error: "invalid signature" });

  const outer = envelope.safeParse(verified);
  if (!outer.success) return malformed(outer.error);
  const { type } = outer.data;
  if (!isHandled(type)) return json(200, { status: "ignored", type });

  const data = HANDLED[type].safeParse(outer.data.data);
  if (!data.success) return malformed(data.error);
  const event = { type, data: data.data } as HandledEvent;

  const status = await withBypass(
    { actor: "webhook:clerk", reason: `Clerk ${type} (svix ${messageId})` },
    (db) =>
      db.$transaction(async (tx) => {
        const claimed = await tx.processedWebhookEvent.createMany({
          data: [{ provider: CLERK_WEBHOOK_PROVIDER, eventId: messageId, type }],
          skipDuplicates: true,
        });
        if (claimed.count === 0) return "duplicate" as const;
        await apply(tx, event, { messageId, now: options.now?.() ?? new Date() });
        return "processed" as const;
      }),
    options.db,
  );
  if (
    status === "processed" &&
    (event.type === "organizationMembership.created" ||
      event.type === "organizationMembership.updated")
  ) {
    options.onMemberJoined?.(event.data.organization.id);
  }
  return json(200, { status, type });
}

function malformed(error: z.ZodError) {
  return json(400, {
    error: "malformed payload",
    issues: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  });
}

// ── Applying events ─────────────────────────────────────────────────────────────────────────

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

interface Context {
  messageId: string;
  now: Date;
}

async function apply(tx: Tx, event: HandledEvent, context: Context): Promise<void> {
  switch (event.type) {
    case "user.created":
    case "user.updated": {
      if (await isTombstoned(tx, "clerk.user.deleted", event.data.id)) return;
      const user = event.data;
      await upsertUser(
        tx,
        {
          id: user.id,
          email: primaryEmail(user),
          name: fullName(user.first_name, user.last_name) || (user.username ?? ""),
        },
        context,
        { overwrite: true },
      );
      return;
    }
    case "user.deleted": {
      const userId = event.data.id;
      await tx.membership.updateMany({
        where: { userId, leftAt: null },
        data: { leftAt: context.now },
      });
      await tx.user.updateMany({
        where: { id: userId },
        data: { email: placeholderEmail(userId), name: "" },
      });
      await tombstone(tx, "clerk.user.deleted", "user", event.data.id, context);
      return;
    }
    case "organization.created":
    case "organization.updated": {
      if (await isTombstoned(tx, "clerk.organization.deleted", event.data.id)) return;
      await upsertWorkspace(tx, event.data, { overwrite: true });
      return;
    }
    case "organization.deleted": {
      await eraseWorkspaceData(tx, event.data.id, { actorUserId: null, via: "webhook:clerk" });
      await tombstone(tx, "clerk.organization.deleted", "workspace", event.data.id, context);
      return;
    }
    case "organizationMembership.created":
    case "organizationMembership.updated": {
      const { organization, public_user_data: person } = event.data;
      if (
        (await isTombstoned(tx, "clerk.membership.deleted", event.data.id)) ||
        (await isTombstoned(tx, "clerk.user.deleted", person.user_id)) ||
        (await isTombstoned(tx, "clerk.organization.deleted", organization.id))
      ) {
        return;
      }
      await upsertWorkspace(tx, organization, { overwrite: false });
      const identifier = person.identifier?.trim() ?? "";
      await upsertUser(
        tx,
        {
          id: person.user_id,
          email: identifier.includes("@") ? identifier : placeholderEmail(person.user_id),
          name: fullName(person.first_name, person.last_name),
        },
        context,
        { overwrite: false },
      );
      const role = mapClerkRole(event.data.role);
      await tx.membership.upsert({
        where: { workspaceId_userId: { workspaceId: organization.id, userId: person.user_id } },
        create: { workspaceId: organization.id, userId: person.user_id, role },
        update: { role, leftAt: null },
      });
      // The invitee accepted Clerk's invitation: Atlas's open invitation for them is used.
      if (event.type === "organizationMembership.created" && identifier.includes("@")) {
        await tx.invitation.updateMany({
          where: {
            workspaceId: organization.id,
            email: identifier.toLowerCase(),
            acceptedAt: null,
            revokedAt: null,
          },
          data: { acceptedAt: context.now, acceptedById: person.user_id },
        });
      }
      return;
    }
    case "organizationMembership.deleted": {
      await tx.membership.updateMany({
        where: {
          workspaceId: event.data.organization.id,
          userId: event.data.public_user_data.user_id,
          leftAt: null,
        },
        data: { leftAt: context.now },
      });
      await tombstone(tx, "clerk.membership.deleted", "clerk_membership", event.data.id, context, {
        workspaceId: event.data.organization.id,
        userId: event.data.public_user_data.user_id,
      });
      return;
    }
  }
}

// ── Users ───────────────────────────────────────────────────────────────────────────────────

function placeholderEmail(userId: string) {
  return `${userId.toLowerCase()}@users.clerk.invalid`;
}

function primaryEmail(user: z.infer<typeof userData>): string {
  const primary =
    user.email_addresses.find((address) => address.id === user.primary_email_address_id) ??
    user.email_addresses[0];
  return primary ? primary.email_address.toLowerCase() : placeholderEmail(user.id);
}

function fullName(first: string | null | undefined, last: string | null | undefined) {
  return [first, last]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
}

/** Midnight UTC of `now`'s UTC date (a `@db.Date` value). */
function utcToday(now: Date) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Creates the user, or (overwrite) brings email and name up to date. A membership event only
 * creates a missing user from the public data it carries and leaves an existing one alone.
 */
async function upsertUser(
  tx: Tx,
  user: { id: string; email: string; name: string },
  context: Context,
  { overwrite }: { overwrite: boolean },
) {
  const existing = await tx.user.findUnique({ where: { id: user.id }, select: { id: true } });
  if (existing) {
    if (overwrite) {
      await tx.user.update({
        where: { id: user.id },
        data: { email: user.email.toLowerCase(), name: user.name, clerkUserId: user.id },
      });
    }
  } else {
    await tx.user.create({
      data: { id: user.id, clerkUserId: user.id, email: user.email.toLowerCase(), name: user.name },
    });
  }
  const hasTimeSetting = await tx.userTimeSetting.findFirst({
    where: { userId: user.id },
    select: { id: true },
  });
  if (!hasTimeSetting) {
    await tx.userTimeSetting.create({
      data: {
        userId: user.id,
        effectiveFrom: utcToday(context.now),
        timeZone: "UTC",
        dayStartMinutes: 0,
      },
    });
  }
}

// ── Workspaces ──────────────────────────────────────────────────────────────────────────────

export function slugBase(slug: string | null | undefined, name: string): string {
  const from = (value: string) =>
    value
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 48)
      .replace(/-+$/g, "");
  return from(slug ?? "") || from(name) || "workspace";
}

/** The first of `base`, `base-2`, `base-3`… that no other workspace uses. */
async function uniqueSlug(tx: Tx, base: string, workspaceId: string): Promise<string> {
  const taken = new Set(
    (
      await tx.workspace.findMany({
        where: { slug: { startsWith: base }, NOT: { id: workspaceId } },
        select: { slug: true },
      })
    ).map((workspace) => workspace.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

async function upsertWorkspace(
  tx: Tx,
  org: z.infer<typeof organizationData>,
  { overwrite }: { overwrite: boolean },
) {
  const existing = await tx.workspace.findUnique({
    where: { id: org.id },
    select: { id: true, slug: true },
  });
  if (existing) {
    if (overwrite) {
      const slug = await uniqueSlug(tx, slugBase(org.slug, org.name), org.id);
      await tx.workspace.update({
        where: { id: org.id },
        data: { name: org.name, clerkOrgId: org.id, ...(slug !== existing.slug ? { slug } : {}) },
      });
    }
    return;
  }
  const plan = await tx.plan.findUnique({
    where: { key: SELF_HOSTED_PLAN_KEY },
    select: { id: true },
  });
  if (!plan) {
    throw new Error(
      `The plan catalog has no "${SELF_HOSTED_PLAN_KEY}" plan; run the seed (pnpm db:seed) before syncing Clerk organizations.`,
    );
  }
  const slug = await uniqueSlug(tx, slugBase(org.slug, org.name), org.id);
  await tx.workspace.create({
    data: {
      id: org.id,
      clerkOrgId: org.id,
      name: org.name,
      slug,
      planId: plan.id,
      entitlements: entitlementsColumn(SELF_HOSTED_PLAN_KEY),
    },
  });
}

// ── Tombstones (platform-level audit entries) ───────────────────────────────────────────────

type TombstoneAction =
  "clerk.user.deleted" | "clerk.organization.deleted" | "clerk.membership.deleted";

async function isTombstoned(tx: Tx, action: TombstoneAction, targetId: string) {
  const entry = await tx.auditLog.findFirst({
    where: { workspaceId: null, action, targetId },
    select: { id: true },
  });
  return entry !== null;
}

async function tombstone(
  tx: Tx,
  action: TombstoneAction,
  targetType: string,
  targetId: string,
  context: Context,
  metadata: Record<string, string> = {},
) {
  await tx.auditLog.create({
    data: {
      workspaceId: null,
      actorUserId: null,
      action,
      targetType,
      targetId,
      metadata: { ...metadata, source: "webhook:clerk", svixId: context.messageId },
    },
  });
}
