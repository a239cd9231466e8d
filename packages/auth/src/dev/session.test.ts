import { SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  assertDevSignInAllowed,
  DEV_SESSION_COOKIE,
  DEV_SESSION_MAX_AGE_SECONDS,
  devSessionCookieOptions,
  DevSignInRefusedError,
  issueDevSession,
  listDevUsers,
  readDevSession,
} from "./session.ts";

const SECRET = "a-dev-session-secret-of-32-chars!";
const OTHER = "another-dev-session-secret-32-ch!";

afterEach(() => {
  vi.useRealTimers();
});

describe("the dev session token", () => {
  it("round-trips user and workspace", async () => {
    const token = await issueDevSession(
      { userId: "u-1", workspaceId: "w-1", sessionId: "s-1" },
      SECRET,
    );
    expect(token.split(".")).toHaveLength(3);
    await expect(readDevSession(token, SECRET)).resolves.toEqual({
      userId: "u-1",
      workspaceId: "w-1",
      sessionId: "s-1",
    });
  });

  it("carries no workspace when none was chosen", async () => {
    const token = await issueDevSession(
      { userId: "u-1", workspaceId: null, sessionId: "s-1" },
      SECRET,
    );
    await expect(readDevSession(token, SECRET)).resolves.toEqual({
      userId: "u-1",
      workspaceId: null,
      sessionId: "s-1",
    });
  });

  it("is HS256, issued by atlas-dev, valid 30 days", async () => {
    const token = await issueDevSession(
      { userId: "u-1", workspaceId: "w-1", sessionId: "s-1" },
      SECRET,
    );
    const [header, payload] = token
      .split(".")
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, "base64url").toString()));
    expect(header).toEqual({ alg: "HS256", typ: "JWT" });
    expect(payload).toMatchObject({ iss: "atlas-dev", sub: "u-1", jti: "s-1", wid: "w-1" });
    expect(payload.exp - payload.iat).toBe(DEV_SESSION_MAX_AGE_SECONDS);
  });

  it("is null when tampered with, signed with another secret, or garbage", async () => {
    const token = await issueDevSession(
      { userId: "u-1", workspaceId: "w-1", sessionId: "s-1" },
      SECRET,
    );
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    const forged = [
      header,
      Buffer.from(JSON.stringify({ ...claims, sub: "u-admin" })).toString("base64url"),
      signature,
    ].join(".");
    await expect(readDevSession(forged, SECRET)).resolves.toBeNull();
    await expect(readDevSession(token, OTHER)).resolves.toBeNull();
    await expect(readDevSession(`${token.slice(0, -2)}xx`, SECRET)).resolves.toBeNull();
    await expect(readDevSession("garbage", SECRET)).resolves.toBeNull();
    await expect(readDevSession("", SECRET)).resolves.toBeNull();
  });

  it("is null once expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    const token = await issueDevSession(
      { userId: "u-1", workspaceId: "w-1", sessionId: "s-1" },
      SECRET,
    );
    vi.setSystemTime(new Date("2026-01-30T23:00:00Z"));
    await expect(readDevSession(token, SECRET)).resolves.not.toBeNull();
    vi.setSystemTime(new Date("2026-01-31T00:00:01Z"));
    await expect(readDevSession(token, SECRET)).resolves.toBeNull();
  });

  it("refuses tokens from another issuer or algorithm", async () => {
    const key = new TextEncoder().encode(SECRET);
    const foreign = await new SignJWT({ wid: "w-1" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("someone-else")
      .setSubject("u-1")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(key);
    await expect(readDevSession(foreign, SECRET)).resolves.toBeNull();
    const hs512 = await new SignJWT({ wid: "w-1" })
      .setProtectedHeader({ alg: "HS512" })
      .setIssuer("atlas-dev")
      .setSubject("u-1")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(SECRET.repeat(2)));
    await expect(readDevSession(hs512, SECRET.repeat(2))).resolves.toBeNull();
  });

  it("refuses a short secret", async () => {
    await expect(
      issueDevSession({ userId: "u-1", workspaceId: null, sessionId: "s-1" }, "short"),
    ).rejects.toThrow(/32 characters/);
  });

  it("has a cookie named atlas_dev_session, HttpOnly, SameSite=Lax, Secure over HTTPS", () => {
    expect(DEV_SESSION_COOKIE).toBe("atlas_dev_session");
    const base = {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: DEV_SESSION_MAX_AGE_SECONDS,
    };
    expect(devSessionCookieOptions({ https: false })).toEqual({ ...base, secure: false });
    expect(devSessionCookieOptions({ https: true })).toEqual({ ...base, secure: true });
  });
});

describe("assertDevSignInAllowed", () => {
  it("allows embedded and test mode without Clerk keys", () => {
    expect(() => assertDevSignInAllowed({ ATLAS_MODE: "embedded" })).not.toThrow();
    expect(() => assertDevSignInAllowed({ ATLAS_MODE: "test" })).not.toThrow();
  });

  it("refuses production mode, also when ATLAS_MODE is unset", () => {
    expect(() => assertDevSignInAllowed({})).toThrow(DevSignInRefusedError);
    expect(() => assertDevSignInAllowed({ ATLAS_MODE: "production" })).toThrow(
      /refused in production mode/,
    );
  });

  it("refuses whenever a Clerk key is configured", () => {
    for (const key of ["CLERK_SECRET_KEY", "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY"]) {
      for (const mode of ["embedded", "test"]) {
        expect(() => assertDevSignInAllowed({ ATLAS_MODE: mode, [key]: "sk_test_x" })).toThrow(
          /Clerk keys are configured/,
        );
      }
    }
  });

  it("is a 404 for the route", () => {
    try {
      assertDevSignInAllowed({});
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ status: 404, code: "NOT_FOUND" });
    }
  });

  it("guards listDevUsers before any database access", async () => {
    await expect(listDevUsers({ ATLAS_MODE: "production" })).rejects.toThrow(DevSignInRefusedError);
    await expect(
      listDevUsers({ ATLAS_MODE: "embedded", CLERK_SECRET_KEY: "sk_test_x" }),
    ).rejects.toThrow(DevSignInRefusedError);
  });
});
