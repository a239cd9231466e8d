/** The edge both apps share: the same-origin rule for writes, the security headers, HTTPS. */
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants";
import { NextRequest, type NextFetchEvent } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { foreignOriginRefusal, servedOverHttps } from "./edge.ts";
import { createNextConfig } from "./next-config.ts";
import { createProxy } from "./proxy.ts";

const APP = "http://127.0.0.1:3000";

function post(path: string, headers: Record<string, string>) {
  return new NextRequest(`${APP}${path}`, {
    method: "POST",
    headers: { host: "127.0.0.1:3000", "content-type": "application/json", ...headers },
    body: "{}",
  });
}

describe("a write from another origin", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  async function throughProxy(request: NextRequest) {
    vi.stubEnv("ATLAS_MODE", "test");
    vi.stubEnv("ATLAS_DEV_SESSION_SECRET", "a-dev-session-secret-of-32-chars!");
    const proxy = createProxy();
    // The dev proxy never uses the fetch event (waitUntil).
    return proxy(request, {} as NextFetchEvent);
  }

  it.each([
    ["a tRPC mutation", "/api/trpc/goal.create"],
    ["the dev sign-in (a server action)", "/dev/sign-in"],
    ["a server action on a page", "/habits"],
  ])("is refused by the proxy with 403 and a message: %s", async (_, path) => {
    const response = await throughProxy(post(path, { origin: "https://evil.example" }));
    expect(response?.status).toBe(403);
    const body = (await response!.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("FORBIDDEN");
    expect(body.error.message).toContain("another origin (https://evil.example)");
  });

  it("passes the proxy from the app's own origin", async () => {
    const response = await throughProxy(
      post("/api/trpc/goal.create", { origin: "http://127.0.0.1:3000" }),
    );
    expect(response?.status).toBe(200);
    expect(response?.headers.get("x-middleware-next")).toBe("1");
  });

  it.each([
    ["the app's own origin", { origin: APP }, undefined],
    ["no Origin (not a browser's cross-site write)", {}, undefined],
    [
      "the host a reverse proxy names",
      { origin: "https://atlas.example", "x-forwarded-host": "atlas.example" },
      undefined,
    ],
    ["another port", { origin: "http://127.0.0.1:3001" }, 403],
    ["an opaque origin", { origin: "null" }, 403],
  ])("from %s: %s", (_, headers, status) => {
    expect(foreignOriginRefusal(post("/api/trpc/x", headers))?.status).toBe(status);
  });

  it("never refuses a read", () => {
    const get = new Request(`${APP}/api/trpc/x`, { headers: { origin: "https://evil.example" } });
    expect(foreignOriginRefusal(get)).toBeUndefined();
  });
});

describe("the security headers", () => {
  async function headersIn(phase: string) {
    const config = createNextConfig({ loadEnv: () => ({}) })(phase);
    const rules = (await config.headers?.()) ?? [];
    const all = rules.find((rule) => rule.source === "/:path*");
    return Object.fromEntries((all?.headers ?? []).map(({ key, value }) => [key, value]));
  }

  it("go with every path: CSP, no framing, nosniff, a referrer policy", async () => {
    const headers = await headersIn(PHASE_PRODUCTION_SERVER);
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    const csp = headers["Content-Security-Policy"]!;
    for (const directive of [
      "default-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "connect-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-eval");
  });

  it("let `next dev` evaluate code, and Clerk load from its own origin when configured", async () => {
    expect((await headersIn(PHASE_DEVELOPMENT_SERVER))["Content-Security-Policy"]).toContain(
      "'unsafe-eval'",
    );
    const key = `pk_test_${Buffer.from("clerk.atlas.example$").toString("base64")}`;
    vi.stubEnv("NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", key);
    const csp = (await headersIn(PHASE_PRODUCTION_SERVER))["Content-Security-Policy"]!;
    vi.unstubAllEnvs();
    expect(csp).toMatch(/script-src [^;]*https:\/\/clerk\.atlas\.example/);
    expect(csp).toMatch(/connect-src [^;]*https:\/\/clerk\.atlas\.example/);
  });
});

describe("servedOverHttps (the session cookie is Secure then)", () => {
  it.each([
    [`${APP}/`, {}, false],
    ["https://atlas.example/", {}, true],
    [`${APP}/`, { "x-forwarded-proto": "https" }, true],
    [`${APP}/`, { "x-forwarded-proto": "http" }, false],
  ])("%s %o: %s", (url, headers, expected) => {
    expect(servedOverHttps(new Request(url, { headers }))).toBe(expected);
  });
});
