import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { AtlasConfigError } from "@atlas/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authEnv,
  authProvider,
  CLERK_VARIABLES,
  devSessionSecretPath,
  loadOrCreateDevSessionSecret,
} from "./env.ts";
import { clerkEnv, createTestClerkInstance, type TestClerkInstance } from "./testing/clerk.ts";

let clerk: TestClerkInstance;
let dir: string;

beforeAll(async () => {
  clerk = await createTestClerkInstance();
  dir = mkdtempSync(join(tmpdir(), "atlas-auth-env-"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configError(fn: () => unknown): AtlasConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AtlasConfigError);
    return error as AtlasConfigError;
  }
  throw new Error("expected an AtlasConfigError");
}

const DEV_SECRET = "d".repeat(32);

describe("authEnv in production", () => {
  it("requires all four Clerk variables and names each missing one", () => {
    const error = configError(() => authEnv({}));
    expect(error.variables).toEqual([...CLERK_VARIABLES]);
    for (const name of CLERK_VARIABLES) expect(error.message).toContain(name);

    const partial = configError(() =>
      authEnv(clerkEnv(clerk, { CLERK_JWT_KEY: undefined, CLERK_WEBHOOK_SIGNING_SECRET: "" })),
    );
    expect(partial.variables).toEqual(["CLERK_JWT_KEY", "CLERK_WEBHOOK_SIGNING_SECRET"]);
  });

  it("returns the Clerk configuration when complete", () => {
    const env = clerkEnv(clerk);
    expect(authEnv(env)).toEqual({
      provider: "clerk",
      mode: "production",
      CLERK_SECRET_KEY: env.CLERK_SECRET_KEY,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
      CLERK_JWT_KEY: clerk.jwtKey.trim(),
      CLERK_WEBHOOK_SIGNING_SECRET: env.CLERK_WEBHOOK_SIGNING_SECRET,
    });
    expect(authProvider(env)).toBe("clerk");
  });

  it("accepts a PEM written on one line with \\n escapes", () => {
    const oneLine = clerk.jwtKey.trim().replace(/\n/g, "\\n");
    expect(authEnv(clerkEnv(clerk, { CLERK_JWT_KEY: oneLine })).provider).toBe("clerk");
    const config = authEnv(clerkEnv(clerk, { CLERK_JWT_KEY: oneLine }));
    expect(config.provider === "clerk" && config.CLERK_JWT_KEY).toBe(clerk.jwtKey.trim());
  });

  it("names malformed variables, never their values", () => {
    const error = configError(() =>
      authEnv(
        clerkEnv(clerk, {
          CLERK_SECRET_KEY: "pk_test_wrongkind",
          CLERK_JWT_KEY: "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----",
          CLERK_WEBHOOK_SIGNING_SECRET: "secret",
        }),
      ),
    );
    expect(error.variables).toEqual([
      "CLERK_SECRET_KEY",
      "CLERK_JWT_KEY",
      "CLERK_WEBHOOK_SIGNING_SECRET",
    ]);
    expect(error.message).not.toContain("pk_test_wrongkind");
  });

  it("never offers the dev sign-in, even with a dev secret set", () => {
    expect(authProvider({ ATLAS_DEV_SESSION_SECRET: DEV_SECRET })).toBe("clerk");
    expect(() => authEnv({ ATLAS_DEV_SESSION_SECRET: DEV_SECRET })).toThrow(AtlasConfigError);
  });
});

describe("authEnv in embedded and test mode", () => {
  it("uses the dev issuer without Clerk keys", () => {
    for (const mode of ["embedded", "test"]) {
      const env = { ATLAS_MODE: mode, ATLAS_DEV_SESSION_SECRET: DEV_SECRET };
      expect(authProvider(env)).toBe("dev");
      expect(authEnv(env)).toEqual({
        provider: "dev",
        mode,
        ATLAS_DEV_SESSION_SECRET: DEV_SECRET,
        devSessionSecretSource: "env",
      });
    }
  });

  it("refuses a dev secret shorter than 32 characters", () => {
    const error = configError(() =>
      authEnv({ ATLAS_MODE: "test", ATLAS_DEV_SESSION_SECRET: "short" }),
    );
    expect(error.variables).toEqual(["ATLAS_DEV_SESSION_SECRET"]);
  });

  it("switches to Clerk when a Clerk key is set, and then needs all four", () => {
    const env = { ATLAS_MODE: "embedded", CLERK_SECRET_KEY: "sk_test_abc" };
    expect(authProvider(env)).toBe("clerk");
    expect(configError(() => authEnv(env)).variables).toEqual([
      "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
      "CLERK_JWT_KEY",
      "CLERK_WEBHOOK_SIGNING_SECRET",
    ]);
    expect(authEnv(clerkEnv(clerk, { ATLAS_MODE: "test" }))).toMatchObject({
      provider: "clerk",
      mode: "test",
    });
  });

  it("treats empty values as unset", () => {
    const env = {
      ATLAS_MODE: "embedded",
      CLERK_SECRET_KEY: "",
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: " ",
      ATLAS_DEV_SESSION_SECRET: DEV_SECRET,
    };
    expect(authProvider(env)).toBe("dev");
    expect(authEnv(env).provider).toBe("dev");
  });
});

describe("the generated dev session secret", () => {
  it("lives in <repo>/.atlas/dev-session-secret", () => {
    expect(devSessionSecretPath()).toMatch(/\/\.atlas\/dev-session-secret$/);
  });

  it("is created once with mode 0600 and read back by everyone", () => {
    const path = join(dir, "nested", "dev-session-secret");
    const first = loadOrCreateDevSessionSecret(path);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // Its folder stays traversable for the embedded PostgreSQL's OS user.
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o755);
    expect(readFileSync(path, "utf8").trim()).toBe(first);
    expect(loadOrCreateDevSessionSecret(path)).toBe(first);
  });

  it("is reused when another process wrote it first", () => {
    const path = join(dir, "existing-secret");
    writeFileSync(path, `${"s".repeat(40)}\n`, { mode: 0o600 });
    expect(loadOrCreateDevSessionSecret(path)).toBe("s".repeat(40));
  });

  it("refuses a truncated file", () => {
    const path = join(dir, "short-secret");
    writeFileSync(path, "short\n", { mode: 0o600 });
    expect(() => loadOrCreateDevSessionSecret(path)).toThrow(AtlasConfigError);
  });
});
