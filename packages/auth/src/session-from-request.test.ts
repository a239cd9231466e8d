import { AtlasConfigError } from "@atlas/config";
import { beforeAll, describe, expect, it } from "vitest";
import { issueDevSession } from "./dev/session.ts";
import { getSession, readCookie } from "./session-from-request.ts";
import {
  clerkEnv,
  useOfflineClerk,
  signSessionToken,
  type TestClerkInstance,
} from "./testing/clerk.ts";

const SECRET = "a-dev-session-secret-of-32-chars!";
const devEnv = { ATLAS_MODE: "embedded", ATLAS_DEV_SESSION_SECRET: SECRET };
const url = "http://127.0.0.1:3000/api/trpc/me";

const offline = useOfflineClerk();
let clerk: TestClerkInstance;
beforeAll(() => {
  clerk = offline.instance;
});

// Reading a valid dev cookie checks its server-side session: src/dev/session.int.test.ts.
describe("getSession with the dev issuer", () => {
  it("is null without the cookie or with a cookie signed by another secret", async () => {
    await expect(getSession(new Request(url), devEnv)).resolves.toBeNull();
    const token = await issueDevSession(
      { userId: "u-1", workspaceId: "w-1", sessionId: "s-1" },
      "x".repeat(40),
    );
    const request = new Request(url, { headers: { cookie: `atlas_dev_session=${token}` } });
    await expect(getSession(request, devEnv)).resolves.toBeNull();
  });

  it("ignores a Clerk bearer token (Clerk is not mounted)", async () => {
    const token = await signSessionToken(clerk);
    const request = new Request(url, { headers: { authorization: `Bearer ${token}` } });
    await expect(getSession(request, devEnv)).resolves.toBeNull();
  });
});

describe("getSession with Clerk", () => {
  it("reads the Clerk session and ignores a dev cookie", async () => {
    const dev = await issueDevSession(
      { userId: "u-dev", workspaceId: "w-dev", sessionId: "s-dev" },
      SECRET,
    );
    const token = await signSessionToken(clerk, {
      sub: "user_1",
      org: { id: "org_1", rol: "owner" },
    });
    const request = new Request(url, {
      headers: { authorization: `Bearer ${token}`, cookie: `atlas_dev_session=${dev}` },
    });
    const env = clerkEnv(clerk, { ATLAS_DEV_SESSION_SECRET: SECRET });
    await expect(getSession(request, env)).resolves.toEqual({
      userId: "user_1",
      workspaceId: "org_1",
      via: "clerk",
    });
    const onlyDev = new Request(url, { headers: { cookie: `atlas_dev_session=${dev}` } });
    await expect(getSession(onlyDev, env)).resolves.toBeNull();
  });

  it("refuses to start in production without the Clerk keys", async () => {
    await expect(getSession(new Request(url), {})).rejects.toThrow(AtlasConfigError);
  });
});

describe("readCookie", () => {
  it("finds a cookie among others and decodes it", () => {
    expect(readCookie("a=1; atlas_dev_session=x%2Ey; b=2", "atlas_dev_session")).toBe("x.y");
    expect(readCookie("xatlas_dev_session=1", "atlas_dev_session")).toBeUndefined();
    expect(readCookie(null, "a")).toBeUndefined();
  });
});
