/**
 * The one-click endpoint over real HTTP (the handlers behind a loopback server, as the Next
 * route mounts them): POST unsubscribes with no session; GET changes nothing.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { providedTestServer } from "@atlas/db/testing/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsubscribeGet, unsubscribePost } from "./unsubscribe-route.ts";
import { signUnsubscribeToken } from "./unsubscribe.ts";
import { startNotifyHarness, type NotifyHarness } from "./testing/harness.ts";

const SECRET = "a-test-secret-of-at-least-thirty-two-chars";
let h: NotifyHarness;
let server: Server;
let base: string;

beforeAll(async () => {
  h = await startNotifyHarness(providedTestServer());
  const deps = { db: h.deps.db, signingSecret: SECRET };
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        ...(req.method === "POST" ? { body: Buffer.concat(chunks) } : {}),
      });
      const reply =
        req.method === "POST"
          ? await unsubscribePost(request, deps)
          : unsubscribeGet(request, deps);
      res.writeHead(reply.status, Object.fromEntries(reply.headers));
      res.end(await reply.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/notifications/unsubscribe`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await h?.stop();
});

describe("one-click unsubscribe", () => {
  it("GET only shows a confirmation; POST without a session unsubscribes", async () => {
    const ws = await h.createWorkspace("team");
    const userId = await h.addMember(ws.id);
    const token = signUnsubscribeToken(SECRET, {
      workspaceId: ws.id,
      userId,
      target: "streak_at_risk",
    });
    const url = `${base}?token=${token}`;
    const preference = () =>
      h.admin.notificationPreference.findFirst({
        where: { workspaceId: ws.id, userId, kind: "streak_at_risk", channel: "email" },
      });

    const get = await fetch(url);
    expect(get.status).toBe(200);
    expect(await get.text()).toContain('<form method="post"');
    expect(await preference()).toBeNull();

    const post = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain("You are unsubscribed");
    expect(await preference()).toMatchObject({ isEnabled: false });
    // Again: still fine, nothing else changes.
    expect((await fetch(url, { method: "POST" })).status).toBe(200);
  });

  it("refuses a forged or altered token in plain words, changing nothing", async () => {
    const ws = await h.createWorkspace("team");
    const forged = signUnsubscribeToken("another-secret-of-at-least-thirty-two-chars", {
      workspaceId: ws.id,
      userId: ws.ownerId,
      target: "digest",
    });
    for (const method of ["GET", "POST"]) {
      const reply = await fetch(`${base}?token=${forged}`, { method });
      expect(reply.status).toBe(400);
      expect(await reply.text()).toContain("This unsubscribe link is not valid");
    }
    expect(await h.admin.notificationSettings.count({ where: { workspaceId: ws.id } })).toBe(0);
  });
});
