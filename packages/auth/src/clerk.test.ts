/**
 * Clerk sessions verified offline through Clerk's own code (`verifyToken`, and
 * `createClerkClient().authenticateRequest`) with a locally generated RSA key pair standing in
 * for the instance's signing key. `fetch` is replaced by a spy that fails the test if called:
 * nothing here may reach Clerk's API.
 */
import { createClerkClient } from "@clerk/backend";
import { generateKeyPair } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { mapClerkRole, sessionFromClerkRequest, sessionFromClerkToken } from "./clerk.ts";
import {
  clerkEnv,
  cookieSuffixOf,
  useOfflineClerk,
  publishableKeyFor,
  signSessionToken,
  type TestClerkInstance,
} from "./testing/clerk.ts";

const offline = useOfflineClerk();
let clerk: TestClerkInstance;
beforeAll(() => {
  clerk = offline.instance;
});

describe("sessionFromClerkToken (Clerk's verifyToken with jwtKey)", () => {
  it("maps a v2 token with an active organization to the Clerk ids", async () => {
    const token = await signSessionToken(clerk, {
      sub: "user_abc",
      org: { id: "org_xyz", rol: "coach" },
    });
    await expect(sessionFromClerkToken(token, { jwtKey: clerk.jwtKey })).resolves.toEqual({
      userId: "user_abc",
      workspaceId: "org_xyz",
      via: "clerk",
    });
  });

  it("has no workspace when no organization is active", async () => {
    const token = await signSessionToken(clerk, { sub: "user_abc" });
    await expect(sessionFromClerkToken(token, { jwtKey: clerk.jwtKey })).resolves.toEqual({
      userId: "user_abc",
      workspaceId: null,
      via: "clerk",
    });
  });

  it("reads org_id from a v1 token", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await signSessionToken(clerk, {
      claims: {
        azp: "http://localhost:3000",
        exp: now + 60,
        iat: now,
        nbf: now - 10,
        iss: `https://${clerk.frontendApi}`,
        sid: "sess_1",
        sub: "user_v1",
        org_id: "org_v1",
        org_role: "org:admin",
      },
    });
    await expect(sessionFromClerkToken(token, { jwtKey: clerk.jwtKey })).resolves.toEqual({
      userId: "user_v1",
      workspaceId: "org_v1",
      via: "clerk",
    });
  });

  it("refuses an expired token", async () => {
    const token = await signSessionToken(clerk, { issuedAt: -120, expiresIn: 60 });
    await expect(sessionFromClerkToken(token, { jwtKey: clerk.jwtKey })).resolves.toBeNull();
  });

  it("refuses a token not valid yet (nbf beyond the 5 s skew)", async () => {
    const token = await signSessionToken(clerk, { notBefore: 60 });
    await expect(sessionFromClerkToken(token, { jwtKey: clerk.jwtKey })).resolves.toBeNull();
  });

  it("refuses a token signed with another key", async () => {
    const other = await generateKeyPair("RS256", { modulusLength: 2048 });
    const token = await signSessionToken(clerk, { signWith: other.privateKey });
    await expect(sessionFromClerkToken(token, { jwtKey: clerk.jwtKey })).resolves.toBeNull();
  });

  it("refuses a token whose payload was altered after signing", async () => {
    const token = await signSessionToken(clerk, {
      sub: "user_abc",
      org: { id: "org_a", rol: "member" },
    });
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    claims.o.id = "org_someone_else";
    const forged = [
      header,
      Buffer.from(JSON.stringify(claims)).toString("base64url"),
      signature,
    ].join(".");
    await expect(sessionFromClerkToken(forged, { jwtKey: clerk.jwtKey })).resolves.toBeNull();
  });

  it("refuses an unsigned token (alg none) and garbage", async () => {
    const none = [
      Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url"),
      Buffer.from(JSON.stringify({ sub: "user_abc", exp: 9999999999 })).toString("base64url"),
      "",
    ].join(".");
    await expect(sessionFromClerkToken(none, { jwtKey: clerk.jwtKey })).resolves.toBeNull();
    await expect(sessionFromClerkToken("not-a-jwt", { jwtKey: clerk.jwtKey })).resolves.toBeNull();
  });

  it("checks azp against authorizedParties", async () => {
    const token = await signSessionToken(clerk, { azp: "https://evil.example" });
    await expect(
      sessionFromClerkToken(token, {
        jwtKey: clerk.jwtKey,
        authorizedParties: ["https://app.example"],
      }),
    ).resolves.toBeNull();
    const good = await signSessionToken(clerk, { azp: "https://app.example" });
    await expect(
      sessionFromClerkToken(good, {
        jwtKey: clerk.jwtKey,
        authorizedParties: ["https://app.example"],
      }),
    ).resolves.toMatchObject({ via: "clerk" });
  });

  it("treats a pending session as signed out, like Clerk's toAuth()", async () => {
    const token = await signSessionToken(clerk, { extraClaims: { sts: "pending" } });
    await expect(sessionFromClerkToken(token, { jwtKey: clerk.jwtKey })).resolves.toBeNull();
  });

  it("refuses to run without jwtKey (it would fetch the JWKS)", async () => {
    const token = await signSessionToken(clerk);
    await expect(sessionFromClerkToken(token, { jwtKey: "" })).rejects.toThrow(/CLERK_JWT_KEY/);
  });
});

describe("sessionFromClerkRequest (Clerk's authenticateRequest with jwtKey)", () => {
  const url = "http://localhost:3000/api/trpc/me";

  it("reads a Bearer token", async () => {
    const token = await signSessionToken(clerk, {
      sub: "user_b",
      org: { id: "org_b", rol: "admin" },
    });
    const request = new Request(url, { headers: { authorization: `Bearer ${token}` } });
    await expect(sessionFromClerkRequest(request, clerkEnv(clerk))).resolves.toEqual({
      userId: "user_b",
      workspaceId: "org_b",
      via: "clerk",
    });
  });

  it("reads the __session cookie of a production instance (pk_live)", async () => {
    const env = clerkEnv(clerk, {
      CLERK_SECRET_KEY: "sk_live_atlasLocalTestSecretKey0000000000",
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKeyFor(clerk, "live"),
    });
    const token = await signSessionToken(clerk, {
      sub: "user_c",
      org: { id: "org_c", rol: "member" },
    });
    const uat = Math.floor(Date.now() / 1000) - 30;
    const request = new Request(url, {
      method: "POST",
      headers: { cookie: `__client_uat=${uat}; __session=${token}` },
    });
    await expect(sessionFromClerkRequest(request, env)).resolves.toEqual({
      userId: "user_c",
      workspaceId: "org_c",
      via: "clerk",
    });
  });

  it("reads the __session cookie of a development instance (pk_test, with its dev browser cookie)", async () => {
    const token = await signSessionToken(clerk, { sub: "user_d" });
    const uat = Math.floor(Date.now() / 1000) - 30;
    const request = new Request(url, {
      headers: { cookie: `__client_uat=${uat}; __session=${token}; __clerk_db_jwt=dvb_test` },
    });
    await expect(sessionFromClerkRequest(request, clerkEnv(clerk))).resolves.toEqual({
      userId: "user_d",
      workspaceId: null,
      via: "clerk",
    });
  });

  it("is null without a token, with a forged or expired one, or with the wrong azp", async () => {
    const env = clerkEnv(clerk);
    await expect(sessionFromClerkRequest(new Request(url), env)).resolves.toBeNull();

    const other = await generateKeyPair("RS256", { modulusLength: 2048 });
    const forged = await signSessionToken(clerk, { signWith: other.privateKey });
    await expect(
      sessionFromClerkRequest(
        new Request(url, { headers: { authorization: `Bearer ${forged}` } }),
        env,
      ),
    ).resolves.toBeNull();

    const expired = await signSessionToken(clerk, { issuedAt: -120, expiresIn: 60 });
    await expect(
      sessionFromClerkRequest(
        new Request(url, { headers: { authorization: `Bearer ${expired}` } }),
        env,
      ),
    ).resolves.toBeNull();

    const foreign = await signSessionToken(clerk, { azp: "https://evil.example" });
    await expect(
      sessionFromClerkRequest(
        new Request(url, { headers: { authorization: `Bearer ${foreign}` } }),
        env,
        { authorizedParties: ["http://localhost:3000"] },
      ),
    ).resolves.toBeNull();
  });

  it("never refreshes over the network: an expired cookie with a refresh token is just signed out", async () => {
    const env = clerkEnv(clerk);
    const publishableKey = env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY!;
    const suffix = await cookieSuffixOf(publishableKey);
    const expired = await signSessionToken(clerk, { issuedAt: -120, expiresIn: 60 });
    const uat = Math.floor(Date.now() / 1000) - 300;
    const cookie = [
      `__client_uat=${uat}`,
      `__client_uat_${suffix}=${uat}`,
      `__session=${expired}`,
      `__session_${suffix}=${expired}`,
      `__refresh_${suffix}=refresh-token`,
      `__clerk_db_jwt_${suffix}=dvb_test`,
    ].join("; ");
    const request = () => new Request(url, { headers: { cookie } });

    // Control: handed to Clerk as is, this request makes Clerk call its API to refresh.
    const raw = createClerkClient({
      secretKey: env.CLERK_SECRET_KEY,
      publishableKey,
      jwtKey: clerk.jwtKey,
      telemetry: { disabled: true },
    });
    const state = await raw.authenticateRequest(request(), { jwtKey: clerk.jwtKey });
    expect(state.isAuthenticated).toBe(false);
    expect(offline.fetchSpy).toHaveBeenCalled();
    offline.fetchSpy.mockClear();

    await expect(sessionFromClerkRequest(request(), env)).resolves.toBeNull();
    expect(offline.fetchSpy).not.toHaveBeenCalled();
  });

  it("never exchanges a handshake nonce over the network", async () => {
    const request = new Request(`${url}?__clerk_handshake_nonce=abc`, {
      headers: { cookie: "__clerk_handshake_nonce=abc; __clerk_db_jwt=dvb_test" },
    });
    await expect(sessionFromClerkRequest(request, clerkEnv(clerk))).resolves.toBeNull();
  });

  it("refuses to run when Clerk is not configured", async () => {
    await expect(
      sessionFromClerkRequest(new Request(url), {
        ATLAS_MODE: "embedded",
        ATLAS_DEV_SESSION_SECRET: "x".repeat(32),
      }),
    ).rejects.toThrow(/Clerk is not configured/);
  });
});

describe("mapClerkRole", () => {
  it("maps Clerk's custom roles one to one, with or without the org: prefix", () => {
    expect(mapClerkRole("org:owner")).toBe("owner");
    expect(mapClerkRole("org:admin")).toBe("admin");
    expect(mapClerkRole("org:coach")).toBe("coach");
    expect(mapClerkRole("org:member")).toBe("member");
    expect(mapClerkRole("admin")).toBe("admin");
  });

  it("maps anything else to member, the least privileged role", () => {
    for (const role of [
      "org:basic_member",
      "org:superadmin",
      "",
      null,
      undefined,
      "constructor",
      "__proto__",
    ]) {
      expect(mapClerkRole(role)).toBe("member");
    }
  });
});
