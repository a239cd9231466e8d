/**
 * An overloaded server answers slower, never 500 (docs/architecture.md "Request flow"): a pool of
 * ONE connection held by an open transaction, then a signed-in call over HTTP.
 */
import { createPrismaClient, type Db } from "@atlas/db";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./app-router.ts";
import { BUSY_RETRY_AFTER_SECONDS, type AtlasErrorShape } from "./errors.ts";
import { handleTRPCRequest } from "./http.ts";
import { createHarness, type Harness } from "./testing/harness.ts";
import { createContextInner } from "./trpc.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/** `db`'s only connection, held by an open transaction until `release` is called. */
async function holdOnlyConnection(db: Db) {
  // Opened first, with no maxWait: on a busy machine a new connection can take longer than the
  // short maxWait of the first case.
  await db.$queryRaw`SELECT 1`;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const transaction = db.$transaction(
    async () => {
      held();
      await released;
    },
    { timeout: 60_000 },
  );
  // A transaction that fails to start fails the test instead of leaving it waiting.
  await Promise.race([holding, transaction]);
  return async () => {
    release();
    await transaction;
  };
}

async function currentWorkspace(db: Db) {
  const response = await handleTRPCRequest({
    router: appRouter,
    request: new Request("http://localhost/api/trpc/workspace.current"),
    createContext: async () =>
      createContextInner({ session: h.session("nora"), db, limiter: h.limiter, source: "web" }),
  });
  const body = (await response.json()) as {
    result?: { data: unknown };
    error?: { json: AtlasErrorShape };
  };
  return { response, body };
}

describe("a call that finds no free connection", () => {
  it("answers 503 with Retry-After once the transaction's maxWait has passed", async () => {
    const db = createPrismaClient(h.database.appUrl, { max: 1, transactionMaxWaitMs: 200 });
    const release = await holdOnlyConnection(db);
    try {
      const { response, body } = await currentWorkspace(db);
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe(String(BUSY_RETRY_AFTER_SECONDS));
      expect(body.error?.json.data.code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      await release();
      await db.$disconnect();
    }
  });

  it("waits for the connection within maxWait and then answers", async () => {
    const db = createPrismaClient(h.database.appUrl, { max: 1 });
    const release = await holdOnlyConnection(db);
    try {
      const answer = currentWorkspace(db);
      // The call is queued behind the held transaction; releasing it lets the call through.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await release();
      const { response, body } = await answer;
      expect(response.status).toBe(200);
      expect(superjson.deserialize(body.result!.data as never)).toMatchObject({
        id: h.workspaceIds.demo,
      });
    } finally {
      await db.$disconnect();
    }
  });
});
