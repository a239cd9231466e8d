/**
 * The Clerk webhook against a private copy of the seeded database, deliveries signed with svix
 * exactly as Clerk's svix endpoint signs them (`svix-id`, `svix-timestamp`, `svix-signature`).
 */
import { randomUUID } from "node:crypto";
import { createPrismaClient, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase } from "@atlas/db/testing";
import { Webhook } from "svix";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { countBypassAudits, snapshotDatabase } from "../testing/snapshot.ts";
import { handleClerkWebhook } from "./clerk.ts";

const SECRET = `whsec_${Buffer.from("atlas-clerk-webhook-test-secret-0001").toString("base64")}`;
const WRONG_SECRET = `whsec_${Buffer.from("some-other-endpoint-secret-00000002").toString("base64")}`;
const URL = "http://127.0.0.1:3000/api/webhooks/clerk";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await cloneTestDatabase(inject("testServer"));
  db = createPrismaClient(database.adminUrl);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

// ── Deliveries ──────────────────────────────────────────────────────────────────────────────

interface Delivery {
  id: string;
  body: string;
}

function event(type: string, data: unknown): Delivery {
  return {
    id: `msg_${randomUUID().replace(/-/g, "")}`,
    body: JSON.stringify({
      type,
      object: "event",
      data,
      timestamp: Date.now(),
      instance_id: "ins_2atlasTestInstance",
      event_attributes: { http_request: { client_ip: "127.0.0.1", user_agent: "test" } },
    }),
  };
}

function signedRequest(
  delivery: Delivery,
  options: {
    secret?: string;
    timestamp?: Date;
    body?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const timestamp = options.timestamp ?? new Date();
  const signature = new Webhook(options.secret ?? SECRET).sign(
    delivery.id,
    timestamp,
    delivery.body,
  );
  return new Request(URL, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "svix-id": delivery.id,
      "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "svix-signature": signature,
      ...options.headers,
    },
    body: options.body ?? delivery.body,
  });
}

async function deliver(
  delivery: Delivery,
  options: Parameters<typeof signedRequest>[1] & { now?: Date } = {},
) {
  const response = await handleClerkWebhook(signedRequest(delivery, options), {
    signingSecret: SECRET,
    db,
    now: options.now ? () => options.now! : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// ── Clerk payloads (trimmed to realistic fields) ────────────────────────────────────────────

function clerkUser(id: string, email: string, first: string | null, last: string | null) {
  return {
    object: "user",
    id,
    username: null,
    first_name: first,
    last_name: last,
    image_url: "https://img.clerk.com/x",
    has_image: false,
    primary_email_address_id: `idn_${id}_1`,
    email_addresses: [
      {
        object: "email_address",
        id: `idn_${id}_0`,
        email_address: `old.${email}`,
        verification: null,
        linked_to: [],
      },
      {
        object: "email_address",
        id: `idn_${id}_1`,
        email_address: email,
        verification: null,
        linked_to: [],
      },
    ],
    phone_numbers: [],
    external_accounts: [],
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_000,
  };
}

function clerkOrg(id: string, name: string, slug: string) {
  return {
    object: "organization",
    id,
    name,
    slug,
    image_url: "",
    has_image: false,
    max_allowed_memberships: 5,
    admin_delete_enabled: true,
    public_metadata: {},
    created_by: "user_creator",
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_000,
  };
}

function clerkMembership(
  id: string,
  org: ReturnType<typeof clerkOrg>,
  user: { id: string; email: string; first?: string; last?: string },
  role: string,
) {
  return {
    object: "organization_membership",
    id,
    role,
    permissions: [],
    public_metadata: {},
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_000,
    organization: org,
    public_user_data: {
      user_id: user.id,
      identifier: user.email,
      first_name: user.first ?? null,
      last_name: user.last ?? null,
      image_url: "",
      has_image: false,
    },
  };
}

const ACME = clerkOrg("org_2acme", "Acme Coaching", "acme-coaching");
const ALICE = { id: "user_2alice", email: "alice@acme.example", first: "Alice", last: "Archer" };

// ── Tests ───────────────────────────────────────────────────────────────────────────────────

describe("an invitation accepted at Clerk", () => {
  it("marks Atlas's open invitation of that address accepted", async () => {
    const org = clerkOrg("org_2invited", "Invited Team", "invited-team");
    const bob = { id: "user_2bob", email: "bob@acme.example", first: "Bob" };
    await deliver(event("organization.created", org));
    const invitation = await db.invitation.create({
      data: {
        workspaceId: org.id,
        email: bob.email,
        role: "coach",
        tokenHash: "hash-of-bob-s-token",
        invitedById: "user_2someone",
        expiresAt: new Date("2100-01-01T00:00:00.000Z"),
        clerkInvitationId: "orginv_2bob",
      },
    });
    const now = new Date("2026-03-05T10:00:00.000Z");
    await deliver(
      event(
        "organizationMembership.created",
        clerkMembership("orgmem_2bob", org, { ...bob, email: "Bob@Acme.example" }, "org:coach"),
      ),
      { now },
    );
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({
      acceptedAt: now,
      acceptedById: bob.id,
    });
  });
});

describe("the seat sync hook", () => {
  it("is told the workspace after a processed membership event, not after a duplicate", async () => {
    const org = clerkOrg("org_2seats", "Seats Inc", "seats");
    const carol = { id: "user_2carol", email: "carol@seats.example", first: "Carol" };
    const joined: string[] = [];
    const delivery = event(
      "organizationMembership.created",
      clerkMembership("orgmem_2carol", org, carol, "org:member"),
    );
    for (let i = 0; i < 2; i++) {
      await handleClerkWebhook(signedRequest(delivery), {
        signingSecret: SECRET,
        db,
        onMemberJoined: (workspaceId) => joined.push(workspaceId),
      });
    }
    expect(joined).toEqual([org.id]);
  });
});

describe("a user, an organization and a membership", () => {
  const sequence = [
    event("user.created", clerkUser(ALICE.id, ALICE.email, "Alice", "Archer")),
    event("organization.created", ACME),
    event(
      "organizationMembership.created",
      clerkMembership("orgmem_2alice_acme", ACME, ALICE, "org:coach"),
    ),
  ];

  it("creates rows whose ids are the Clerk ids", async () => {
    const now = new Date("2026-03-01T23:30:00-05:00"); // already March 2 in UTC
    for (const delivery of sequence) {
      expect(await deliver(delivery, { now })).toEqual({
        status: 200,
        body: { status: "processed", type: JSON.parse(delivery.body).type },
      });
    }

    const user = await db.user.findUniqueOrThrow({
      where: { id: ALICE.id },
      include: { timeSettings: true },
    });
    expect(user).toMatchObject({
      id: ALICE.id,
      clerkUserId: ALICE.id,
      email: ALICE.email,
      name: "Alice Archer",
      isPlatformAdmin: false,
    });
    expect(user.timeSettings).toEqual([
      expect.objectContaining({
        effectiveFrom: new Date("2026-03-02T00:00:00Z"),
        timeZone: "UTC",
        dayStartMinutes: 0,
      }),
    ]);

    const workspace = await db.workspace.findUniqueOrThrow({
      where: { id: ACME.id },
      include: { plan: true },
    });
    expect(workspace).toMatchObject({
      id: ACME.id,
      clerkOrgId: ACME.id,
      name: "Acme Coaching",
      slug: "acme-coaching",
    });
    expect(workspace.plan.key).toBe("self_hosted");

    const membership = await db.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: ACME.id, userId: ALICE.id } },
    });
    expect(membership).toMatchObject({
      role: "coach",
      capacityMonMinutes: 360,
      capacitySatMinutes: 0,
    });

    const processed = await db.processedWebhookEvent.findMany({
      where: { eventId: { in: sequence.map((d) => d.id) } },
    });
    expect(processed.map((p) => [p.provider, p.eventId, p.type]).sort()).toEqual(
      sequence.map((d) => ["clerk", d.id, JSON.parse(d.body).type as string]).sort(),
    );
  });

  it("changes nothing when the same messages are delivered again", async () => {
    const before = await snapshotDatabase(db, { withoutBypassAudit: true });
    const auditsBefore = await countBypassAudits(db, "webhook:clerk");
    for (const delivery of sequence) {
      // svix re-signs a retry with a new timestamp; the message id stays.
      const result = await deliver(delivery, { timestamp: new Date(Date.now() + 1000) });
      expect(result).toEqual({
        status: 200,
        body: { status: "duplicate", type: JSON.parse(delivery.body).type },
      });
    }
    expect(await snapshotDatabase(db, { withoutBypassAudit: true })).toEqual(before);
    // The only trace: each use of the bypass client is audited, replays included.
    expect(await countBypassAudits(db, "webhook:clerk")).toBe(auditsBefore + sequence.length);
  });

  it("processes a message once when two deliveries race", async () => {
    const bob = { id: "user_2bob", email: "bob@acme.example" };
    const delivery = event("user.created", clerkUser(bob.id, bob.email, "Bob", null));
    const results = await Promise.all([deliver(delivery), deliver(delivery)]);
    expect(results.map((r) => r.body.status).sort()).toEqual(["duplicate", "processed"]);
    expect(await db.user.count({ where: { id: bob.id } })).toBe(1);
    expect(await db.userTimeSetting.count({ where: { userId: bob.id } })).toBe(1);
  });
});

describe("deliveries that are refused", () => {
  it("stores nothing for a bad or missing signature (400)", async () => {
    const before = await snapshotDatabase(db);
    const delivery = event(
      "user.created",
      clerkUser("user_2mallory", "mallory@evil.example", "M", null),
    );

    const attempts = [
      signedRequest(delivery, { secret: WRONG_SECRET }),
      signedRequest(delivery, { body: delivery.body.replace("mallory@evil", "ceo@acme") }),
      signedRequest(delivery, { headers: { "svix-signature": "v1,AAAA" } }),
      signedRequest(delivery, { timestamp: new Date(Date.now() - 10 * 60_000) }),
      new Request(URL, { method: "POST", body: delivery.body }),
      new Request(URL, {
        method: "POST",
        body: delivery.body,
        headers: {
          "svix-id": delivery.id,
          "svix-timestamp": String(Math.floor(Date.now() / 1000)),
        },
      }),
    ];
    for (const request of attempts) {
      const response = await handleClerkWebhook(request, { signingSecret: SECRET, db });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "invalid signature" });
    }
    // Not even an audit entry: the bypass client was never used.
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("stores nothing for a malformed payload behind a valid signature (400)", async () => {
    const before = await snapshotDatabase(db);
    const cases: Delivery[] = [
      event("user.created", { object: "user", first_name: "No id" }),
      event("user.created", {
        ...clerkUser("user_2x", "x@acme.example", null, null),
        email_addresses: "x",
      }),
      event("organization.created", { id: "org_2noname", slug: "no-name" }),
      event("organizationMembership.created", {
        id: "orgmem_1",
        role: "org:admin",
        organization: ACME,
      }),
      event("user.deleted", { object: "user", deleted: true }),
      { id: "msg_notjson", body: "{not json" },
      { id: "msg_notype", body: JSON.stringify({ data: {} }) },
    ];
    for (const delivery of cases) {
      const { status, body } = await deliver(delivery);
      expect(status, delivery.body).toBe(400);
      expect(body.error).toMatch(/malformed payload|invalid signature/);
    }
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("ignores event types Atlas does not handle (200, nothing stored)", async () => {
    const before = await snapshotDatabase(db);
    for (const type of ["session.created", "email.created", "organizationInvitation.created"]) {
      expect(await deliver(event(type, { id: "x" }))).toEqual({
        status: 200,
        body: { status: "ignored", type },
      });
    }
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("needs a signing secret (a configuration error, not a 400)", async () => {
    const delivery = event("user.created", clerkUser("user_2y", "y@acme.example", null, null));
    await expect(
      handleClerkWebhook(signedRequest(delivery), { signingSecret: "", db }),
    ).rejects.toThrow(/CLERK_WEBHOOK_SIGNING_SECRET/);
  });
});

describe("updates and deletions", () => {
  const CAROL = { id: "user_2carol", email: "carol@acme.example", first: "Carol", last: "Chen" };

  it("an updated membership changes the role and keeps Atlas's capacities", async () => {
    await deliver(
      event(
        "organizationMembership.created",
        clerkMembership("orgmem_2carol", ACME, CAROL, "org:member"),
      ),
    );
    await db.membership.update({
      where: { workspaceId_userId: { workspaceId: ACME.id, userId: CAROL.id } },
      data: { capacityMonMinutes: 120 },
    });
    await deliver(
      event(
        "organizationMembership.updated",
        clerkMembership("orgmem_2carol", ACME, CAROL, "org:admin"),
      ),
    );
    expect(
      await db.membership.findUniqueOrThrow({
        where: { workspaceId_userId: { workspaceId: ACME.id, userId: CAROL.id } },
      }),
    ).toMatchObject({ role: "admin", capacityMonMinutes: 120 });

    await deliver(
      event(
        "organizationMembership.updated",
        clerkMembership("orgmem_2carol", ACME, CAROL, "org:owner"),
      ),
    );
    await deliver(
      event(
        "organizationMembership.updated",
        clerkMembership("orgmem_2carol", ACME, CAROL, "org:made_up"),
      ),
    );
    expect(
      (
        await db.membership.findUniqueOrThrow({
          where: { workspaceId_userId: { workspaceId: ACME.id, userId: CAROL.id } },
        })
      ).role,
    ).toBe("member");
  });

  it("an updated user changes email and name; an updated organization its name and slug, not its plan", async () => {
    await deliver(
      event("user.updated", clerkUser(CAROL.id, "carol.chen@acme.example", "Carol", "Chen-Li")),
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: CAROL.id } })).toMatchObject({
      email: "carol.chen@acme.example",
      name: "Carol Chen-Li",
    });
    expect(await db.userTimeSetting.count({ where: { userId: CAROL.id } })).toBe(1);

    const free = await db.plan.findUniqueOrThrow({ where: { key: "free" } });
    await db.workspace.update({ where: { id: ACME.id }, data: { planId: free.id } });
    await deliver(event("organization.updated", clerkOrg(ACME.id, "Acme Coaching GmbH", "acme")));
    expect(await db.workspace.findUniqueOrThrow({ where: { id: ACME.id } })).toMatchObject({
      name: "Acme Coaching GmbH",
      slug: "acme",
      planId: free.id,
    });
  });

  it("a deleted membership is left (leftAt), and a late update of it does not bring it back", async () => {
    const removed = clerkMembership("orgmem_2carol", ACME, CAROL, "org:admin");
    const leftAt = new Date("2026-03-01T12:00:00.000Z");
    expect(
      (await deliver(event("organizationMembership.deleted", removed), { now: leftAt })).status,
    ).toBe(200);
    const where = { workspaceId_userId: { workspaceId: ACME.id, userId: CAROL.id } };
    expect(await db.membership.findUnique({ where })).toMatchObject({ leftAt });
    // The user stays: they may belong to other organizations.
    expect(await db.user.findUnique({ where: { id: CAROL.id } })).not.toBeNull();

    await deliver(event("organizationMembership.updated", removed));
    expect(await db.membership.findUnique({ where })).toMatchObject({ leftAt });

    // Re-invited: Clerk creates a new membership (new id).
    await deliver(
      event(
        "organizationMembership.created",
        clerkMembership("orgmem_2carol_again", ACME, CAROL, "org:member"),
      ),
    );
    expect(await db.membership.findUnique({ where })).toMatchObject({
      role: "member",
      leftAt: null,
    });
  });

  it("a membership arriving before its user and organization creates both", async () => {
    const org = clerkOrg("org_2late", "Late Org", "demo"); // "demo" is taken by the seed
    const dave = { id: "user_2dave", email: "Dave@Late.example", first: "Dave" };
    await deliver(
      event(
        "organizationMembership.created",
        clerkMembership("orgmem_2dave", org, dave, "org:owner"),
      ),
    );
    expect(await db.workspace.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      clerkOrgId: org.id,
      name: "Late Org",
      slug: "demo-2",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: dave.id } })).toMatchObject({
      clerkUserId: dave.id,
      email: "dave@late.example",
      name: "Dave",
    });
    expect(await db.userTimeSetting.count({ where: { userId: dave.id } })).toBe(1);
    expect(
      await db.membership.findUniqueOrThrow({
        where: { workspaceId_userId: { workspaceId: org.id, userId: dave.id } },
      }),
    ).toMatchObject({ role: "owner" });

    // Their own events arrive later and fill in the details.
    await deliver(event("user.created", clerkUser(dave.id, "dave@late.example", "Dave", "Dunn")));
    await deliver(event("organization.created", org));
    expect((await db.user.findUniqueOrThrow({ where: { id: dave.id } })).name).toBe("Dave Dunn");
    expect((await db.workspace.findUniqueOrThrow({ where: { id: org.id } })).slug).toBe("demo-2");

    const other = clerkOrg("org_2other", "Other", "Demo");
    await deliver(event("organization.created", other));
    expect((await db.workspace.findUniqueOrThrow({ where: { id: other.id } })).slug).toBe("demo-3");
  });

  it("a deleted organization removes the workspace and everything in it, for good", async () => {
    const org = clerkOrg("org_2gone", "Gone", "gone");
    const erin = { id: "user_2erin", email: "erin@gone.example" };
    await deliver(
      event(
        "organizationMembership.created",
        clerkMembership("orgmem_2erin", org, erin, "org:member"),
      ),
    );
    expect(await db.workspace.count({ where: { id: org.id } })).toBe(1);

    await deliver(
      event("organization.deleted", { object: "organization", id: org.id, deleted: true }),
    );
    expect(await db.workspace.count({ where: { id: org.id } })).toBe(0);
    expect(await db.membership.count({ where: { workspaceId: org.id } })).toBe(0);
    expect(await db.user.count({ where: { id: erin.id } })).toBe(1);

    // Out-of-order stragglers do not resurrect it.
    await deliver(event("organization.updated", org));
    await deliver(
      event(
        "organizationMembership.updated",
        clerkMembership("orgmem_2erin", org, erin, "org:admin"),
      ),
    );
    expect(await db.workspace.count({ where: { id: org.id } })).toBe(0);
  });

  it("a deleted organization with a history is erased, log included; its audit entries stay", async () => {
    const second = await db.workspace.findUniqueOrThrow({ where: { slug: "second" } });
    expect(await db.executionEvent.count({ where: { workspaceId: second.id } })).toBeGreaterThan(0);
    const audits = await db.auditLog.count({ where: { workspaceId: second.id } });

    await deliver(
      event("organization.deleted", { object: "organization", id: second.id, deleted: true }),
    );
    expect(await db.workspace.count({ where: { id: second.id } })).toBe(0);
    expect(await db.executionEvent.count({ where: { workspaceId: second.id } })).toBe(0);
    expect(await db.membership.count({ where: { workspaceId: second.id } })).toBe(0);
    const erased = await db.auditLog.findMany({
      where: { workspaceId: second.id, action: "workspace.erased" },
    });
    expect(erased).toHaveLength(1);
    expect(erased[0]!.metadata).toMatchObject({ via: "webhook:clerk" });
    expect(await db.auditLog.count({ where: { workspaceId: second.id } })).toBe(audits + 1);
  });

  it("a deleted user leaves every workspace and loses email and name, their history kept, for good", async () => {
    // A seeded member with a history: their ids are uuids, but ids are opaque to the webhook.
    const nora = await db.user.findUniqueOrThrow({ where: { email: "nora.newyork@atlas.local" } });
    const events = await db.executionEvent.count({ where: { memberId: nora.id } });
    expect(events).toBeGreaterThan(0);
    const leftAt = new Date("2026-03-02T08:00:00.000Z");

    await deliver(event("user.deleted", { object: "user", id: nora.id, deleted: true }), {
      now: leftAt,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: nora.id } })).toMatchObject({
      email: `${nora.id}@users.clerk.invalid`,
      name: "",
    });
    const memberships = await db.membership.findMany({ where: { userId: nora.id } });
    expect(memberships.length).toBeGreaterThan(0);
    expect(memberships.every((m) => m.leftAt?.getTime() === leftAt.getTime())).toBe(true);
    expect(await db.executionEvent.count({ where: { memberId: nora.id } })).toBe(events);
    // The email is free for someone else.
    await deliver(
      event("user.created", clerkUser("user_2newnora", "nora.newyork@atlas.local", "N", null)),
    );
    expect(await db.user.count({ where: { email: "nora.newyork@atlas.local" } })).toBe(1);

    await deliver(
      event("user.updated", clerkUser(nora.id, "nora.newyork@atlas.local", "Nora", null)),
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: nora.id } })).name).toBe("");
  });

  it("rolls back entirely when applying fails, so svix can retry", async () => {
    // Another user already has this email (a conflict Clerk's own ordering can produce).
    const delivery = event("user.created", clerkUser("user_2clash", ALICE.email, "Clash", null));
    const before = await snapshotDatabase(db, { withoutBypassAudit: true });
    await expect(deliver(delivery)).rejects.toThrow();
    expect(await snapshotDatabase(db, { withoutBypassAudit: true })).toEqual(before);
    expect(await db.processedWebhookEvent.count({ where: { eventId: delivery.id } })).toBe(0);
  });
});
