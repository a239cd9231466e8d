/** The dev sign-in's user list and server-side sessions on a private copy of the seeded database. */
import { createPrismaClient, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase } from "@atlas/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { getSession } from "../session-from-request.ts";
import { countBypassAudits, snapshotDatabase } from "../testing/snapshot.ts";
import {
  closeDevSession,
  DEV_SESSION_CHECK_TTL_MS,
  DEV_SESSION_COOKIE,
  DevSignInRefusedError,
  issueDevSession,
  listDevUsers,
  openDevSession,
} from "./session.ts";

let database: TestDatabase;
let db: Db;
/** The application role, as the apps check sessions. */
let app: Db;

beforeAll(async () => {
  database = await cloneTestDatabase(inject("testServer"));
  db = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
});

afterAll(async () => {
  await Promise.all([db?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

describe("the server-side dev session", () => {
  const env = { ATLAS_MODE: "test", ATLAS_DEV_SESSION_SECRET: "a-dev-session-secret-of-32-chars!" };
  const userIdOf = async (email: string) =>
    (await db.user.findUniqueOrThrow({ where: { email } })).id;

  async function signIn(email: string) {
    const userId = await userIdOf(email);
    const sessionId = await openDevSession(userId, env, app);
    const claims = { userId, workspaceId: null, sessionId };
    const token = await issueDevSession(claims, env.ATLAS_DEV_SESSION_SECRET);
    const request = () =>
      new Request("http://127.0.0.1:3000/", {
        headers: { cookie: `theme=dark; ${DEV_SESSION_COOKIE}=${token}` },
      });
    return { claims, request };
  }

  it("refuses a cookie captured before sign-out once the session is signed out", async () => {
    const nora = await signIn("nora.newyork@atlas.local");
    const otherTab = await signIn("nora.newyork@atlas.local");
    await expect(getSession(nora.request(), env, { devSessionDb: app })).resolves.toEqual({
      userId: nora.claims.userId,
      workspaceId: null,
      via: "dev",
    });

    await closeDevSession(nora.claims, env, app);

    await expect(getSession(nora.request(), env, { devSessionDb: app })).resolves.toBeNull();
    expect(await db.devSession.count({ where: { id: nora.claims.sessionId } })).toBe(0);
    // Only that session ended: another sign-in of the same person goes on.
    await expect(getSession(otherTab.request(), env, { devSessionDb: app })).resolves.toMatchObject(
      { userId: nora.claims.userId },
    );
  });

  it("refuses a session signed out by another process once the remembered answer expires", async () => {
    const nora = await signIn("nora.newyork@atlas.local");
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      await expect(getSession(nora.request(), env, { devSessionDb: app })).resolves.not.toBeNull();
      // Another app's process signs out: this one never hears of it.
      await db.devSession.delete({ where: { id: nora.claims.sessionId } });
      vi.setSystemTime(Date.now() + DEV_SESSION_CHECK_TTL_MS + 1);
      await expect(getSession(nora.request(), env, { devSessionDb: app })).resolves.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("is one person's: another's session id in a cookie is refused, and cannot be closed", async () => {
    const nora = await signIn("nora.newyork@atlas.local");
    const bernd = await signIn("bernd.berlin@atlas.local");
    const forged = { ...bernd.claims, sessionId: nora.claims.sessionId };
    const token = await issueDevSession(forged, env.ATLAS_DEV_SESSION_SECRET);
    const request = new Request("http://127.0.0.1:3000/", {
      headers: { cookie: `${DEV_SESSION_COOKIE}=${token}` },
    });
    await expect(getSession(request, env, { devSessionDb: app })).resolves.toBeNull();
    await closeDevSession(forged, env, app);
    await expect(getSession(nora.request(), env, { devSessionDb: app })).resolves.not.toBeNull();
  });
});

describe("listDevUsers", () => {
  it("lists every user with their memberships across workspaces, audited", async () => {
    const audits = await countBypassAudits(db, "dev:sign-in");
    const users = await listDevUsers({ ATLAS_MODE: "test" }, db);

    expect(users.length).toBe(await db.user.count());
    expect(users.map((u) => u.email)).toEqual([...users.map((u) => u.email)].sort());

    const coach = users.find((u) => u.email === "coach@atlas.local");
    expect(coach?.memberships.map((m) => [m.workspaceName, m.role])).toEqual([
      ["Demo Team", "coach"],
      ["Second Workspace", "coach"],
    ]);
    const priya = users.find((u) => u.email === "owner.second@atlas.local");
    const second = await db.workspace.findUniqueOrThrow({ where: { slug: "second" } });
    expect(priya).toMatchObject({
      name: "Priya Patel",
      isPlatformAdmin: false,
      memberships: [{ workspaceId: second.id, workspaceName: "Second Workspace", role: "owner" }],
    });

    expect(await countBypassAudits(db, "dev:sign-in")).toBe(audits + 1);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "bypass.use", targetId: "dev:sign-in" },
      orderBy: { createdAt: "desc" },
    });
    expect(entry).toMatchObject({ workspaceId: null, actorUserId: null });
  });

  it("is refused, without touching the database, in production or with Clerk keys", async () => {
    const before = await snapshotDatabase(db);
    await expect(listDevUsers({}, db)).rejects.toThrow(DevSignInRefusedError);
    await expect(
      listDevUsers({ ATLAS_MODE: "embedded", NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_x" }, db),
    ).rejects.toThrow(DevSignInRefusedError);
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
