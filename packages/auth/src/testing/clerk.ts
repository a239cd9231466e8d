/**
 * Test helpers: a local stand-in for a Clerk instance. An RSA key pair generated here plays
 * Clerk's signing key (the public half, as SPKI PEM, is what CLERK_JWT_KEY holds), and tokens
 * carry the claims Clerk puts in session tokens (v2). Nothing here talks to Clerk.
 */
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterEach, beforeAll, beforeEach, expect, vi } from "vitest";

export interface TestClerkInstance {
  /** CLERK_JWT_KEY: the public key as PEM (SPKI). */
  jwtKey: string;
  privateKey: CryptoKey;
  /** Key id in the token header, like Clerk's `ins_…`. */
  kid: string;
  /** Frontend API host encoded in the publishable key; the tokens' `iss` is https://<host>. */
  frontendApi: string;
}

export async function createTestClerkInstance(): Promise<TestClerkInstance> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", {
    modulusLength: 2048,
    extractable: true,
  });
  return {
    jwtKey: await exportSPKI(publicKey),
    privateKey,
    kid: "ins_2atlasTestInstance",
    frontendApi: "clerk.atlas.test",
  };
}

/** A publishable key Clerk's parser accepts: pk_<test|live>_ + base64("<frontend api>$"). */
export function publishableKeyFor(instance: TestClerkInstance, kind: "test" | "live" = "test") {
  return `pk_${kind}_${Buffer.from(`${instance.frontendApi}$`).toString("base64")}`;
}

export interface SessionTokenInput {
  sub?: string;
  sid?: string;
  azp?: string;
  /** The active organization (v2 `o` claim); `rol` without the `org:` prefix, as Clerk sends it. */
  org?: { id: string; rol: string; slg?: string } | null;
  /** Seconds relative to now. */
  issuedAt?: number;
  expiresIn?: number;
  notBefore?: number;
  /** Replace the claims entirely (v1 tokens, odd shapes). */
  claims?: Record<string, unknown>;
  extraClaims?: Record<string, unknown>;
  /** Sign with another key (a forged token). */
  signWith?: CryptoKey;
}

/** A session token shaped like Clerk's v2 session tokens (60 s lifetime by default). */
export async function signSessionToken(
  instance: TestClerkInstance,
  input: SessionTokenInput = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const iat = now + (input.issuedAt ?? 0);
  const claims = input.claims ?? {
    azp: input.azp ?? "http://localhost:3000",
    exp: iat + (input.expiresIn ?? 60),
    fva: [0, -1],
    iat,
    iss: `https://${instance.frontendApi}`,
    nbf: iat + (input.notBefore ?? -10),
    sid: input.sid ?? "sess_2atlasTestSession",
    sub: input.sub ?? "user_2atlasTestUser",
    v: 2,
    ...(input.org === null || input.org === undefined
      ? {}
      : {
          o: {
            id: input.org.id,
            rol: input.org.rol,
            slg: input.org.slg ?? "acme",
            per: "",
            fpm: "",
          },
        }),
    ...input.extraClaims,
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: instance.kid, typ: "JWT" })
    .sign(input.signWith ?? instance.privateKey);
}

/** Clerk's cookie suffix for a publishable key: the first 8 base64url chars of its SHA-1. */
export async function cookieSuffixOf(publishableKey: string) {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(publishableKey));
  return Buffer.from(digest).toString("base64url").slice(0, 8);
}

/** The env of a Clerk-configured deployment for these test keys. */
export function clerkEnv(
  instance: TestClerkInstance,
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    ATLAS_MODE: "production",
    CLERK_SECRET_KEY: "sk_test_atlasLocalTestSecretKey0000000000",
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKeyFor(instance),
    CLERK_JWT_KEY: instance.jwtKey,
    CLERK_WEBHOOK_SIGNING_SECRET: `whsec_${Buffer.from("atlas-local-test-webhook-secret!").toString("base64")}`,
    ...overrides,
  };
}

/**
 * Registers what every Clerk suite needs: one local instance, and a `fetch` that fails the
 * test if called (@clerk/backend reads the global at call time), so nothing reaches Clerk.
 */
export function useOfflineClerk() {
  const state = {} as { instance: TestClerkInstance; fetchSpy: ReturnType<typeof vi.fn> };
  beforeAll(async () => {
    state.instance = await createTestClerkInstance();
  });
  beforeEach(() => {
    state.fetchSpy = vi.fn(async () => {
      throw new Error("network access attempted");
    });
    vi.stubGlobal("fetch", state.fetchSpy);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    expect(state.fetchSpy).not.toHaveBeenCalled();
  });
  return state;
}
