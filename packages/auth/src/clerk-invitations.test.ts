/**
 * Clerk's organization invitations, offline: `fetch` answers as Clerk's Backend API does, and the
 * test reads what the SDK sent.
 */
import { describe, expect, it, vi } from "vitest";
import { invitationDeliveryFromEnv } from "./clerk-invitations.ts";
import { clerkEnv, useOfflineClerk } from "./testing/clerk.ts";

const clerk = useOfflineClerk();

function invitationJson(id: string, status: string) {
  return {
    object: "organization_invitation",
    id,
    email_address: "guest@example.com",
    role: "org:coach",
    role_name: "Coach",
    organization_id: "org_1",
    status,
    public_metadata: {},
    private_metadata: {},
    url: null,
    expires_at: 1_900_000_000_000,
    created_at: 1_800_000_000_000,
    updated_at: 1_800_000_000_000,
  };
}

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

/** Replaces the offline guard with Clerk's answers; returns what was asked. */
function clerkAnswers(...responses: Response[]) {
  const asked: { method: string; url: string; body: unknown }[] = [];
  const fetchSpy = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    asked.push({
      method: init?.method ?? "GET",
      url: String(url),
      body: init?.body ? JSON.parse(String(init.body)) : null,
    });
    return responses.shift()!;
  });
  vi.stubGlobal("fetch", fetchSpy);
  clerk.fetchSpy = vi.fn();
  return asked;
}

describe("Clerk invitation delivery", () => {
  it("is none with the dev sign-in", () => {
    expect(
      invitationDeliveryFromEnv({ ATLAS_MODE: "test", ATLAS_DEV_SESSION_SECRET: "x".repeat(32) }),
    ).toBeNull();
  });

  it("creates an organization invitation with the mapped role and 7 days", async () => {
    const asked = clerkAnswers(answer(200, invitationJson("orginv_1", "pending")));
    const delivery = invitationDeliveryFromEnv(clerkEnv(clerk.instance))!;
    const sent = await delivery.send({
      workspaceId: "org_1",
      email: "guest@example.com",
      role: "coach",
      inviterUserId: "user_1",
    });
    expect(sent).toEqual({ externalId: "orginv_1" });
    expect(asked).toEqual([
      {
        method: "POST",
        url: "https://api.clerk.com/v1/organizations/org_1/invitations",
        body: {
          email_address: "guest@example.com",
          role: "org:coach",
          inviter_user_id: "user_1",
          expires_in_days: 7,
        },
      },
    ]);
  });

  it("revokes, and treats an invitation already gone as revoked", async () => {
    const asked = clerkAnswers(
      answer(200, invitationJson("orginv_1", "revoked")),
      answer(404, { errors: [{ code: "resource_not_found", message: "not found" }] }),
    );
    const delivery = invitationDeliveryFromEnv(clerkEnv(clerk.instance))!;
    const revoke = { workspaceId: "org_1", externalId: "orginv_1", requesterUserId: "user_1" };
    await delivery.revoke(revoke);
    await delivery.revoke(revoke);
    expect(asked.map((a) => `${a.method} ${a.url}`)).toEqual([
      "POST https://api.clerk.com/v1/organizations/org_1/invitations/orginv_1/revoke",
      "POST https://api.clerk.com/v1/organizations/org_1/invitations/orginv_1/revoke",
    ]);
    expect(asked[0]!.body).toEqual({ requesting_user_id: "user_1" });
  });

  it("passes on any other failure", async () => {
    clerkAnswers(answer(500, { errors: [{ code: "internal", message: "down" }] }));
    const delivery = invitationDeliveryFromEnv(clerkEnv(clerk.instance))!;
    await expect(
      delivery.send({ workspaceId: "org_1", email: "a@b.co", role: "member", inviterUserId: "u" }),
    ).rejects.toThrow();
  });
});
