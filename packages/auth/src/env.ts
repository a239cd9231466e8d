/**
 * The auth part of Atlas's configuration (docs/architecture.md "Modes", "Outside services").
 *
 * - `production` (ATLAS_MODE unset): Clerk only. CLERK_SECRET_KEY, NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
 *   CLERK_JWT_KEY (the PEM public key; sessions are verified without a network call) and
 *   CLERK_WEBHOOK_SIGNING_SECRET are all required; the error names every missing one.
 * - `embedded` / `test` with no Clerk keys (neither CLERK_SECRET_KEY nor
 *   NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY): the local dev issuer. Its HMAC secret is
 *   ATLAS_DEV_SESSION_SECRET (at least 32 characters) or, when unset, a random secret generated
 *   once into `<repo>/.atlas/dev-session-secret` (mode 0600) so both apps read the same one.
 * - `embedded` / `test` with a Clerk key: Clerk, with the same four variables required as in
 *   production (a half-configured Clerk never silently falls back to the dev sign-in).
 *
 * Nothing here depends on NODE_ENV. Errors name variables, never their values.
 */
import { createPublicKey, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createEnv } from "@t3-oss/env-core";
import {
  AtlasConfigError,
  atlasMode,
  isSet,
  read,
  repoRoot,
  variableOf,
  type AtlasMode,
  type Env,
} from "@atlas/config";
import { z } from "zod";

export const CLERK_VARIABLES = [
  "CLERK_SECRET_KEY",
  "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
  "CLERK_JWT_KEY",
  "CLERK_WEBHOOK_SIGNING_SECRET",
] as const;

export const DEV_SESSION_SECRET_MIN_LENGTH = 32;

/** `pk_test_` / `pk_live_` + base64 of "<frontend api host>$" (what Clerk's own parser accepts). */
function isPublishableKey(value: string) {
  const match = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/.exec(value);
  if (!match) return false;
  try {
    return Buffer.from(match[2]!, "base64").toString("utf8").endsWith("$");
  } catch {
    return false;
  }
}

function isRsaPublicKeyPem(value: string) {
  try {
    return createPublicKey(value).asymmetricKeyType === "rsa";
  } catch {
    return false;
  }
}

/** A PEM kept on one line in a .env file arrives with literal `\n`s: turn them into newlines. */
const pem = z
  .string()
  .transform((value) => value.replace(/\\n/g, "\n").trim())
  .refine(isRsaPublicKeyPem, {
    message: "must be the PEM public key from Clerk (Dashboard → API keys → JWT public key → PEM)",
  });

/**
 * The fragment's variables and their formats, all optional here: which ones are required depends
 * on the mode and is decided by `authEnv`. Other packages may spread this into their own
 * `createEnv({ server })`.
 */
export const authEnvShape = {
  CLERK_SECRET_KEY: z
    .string()
    .regex(/^sk_(test|live)_\S+$/, "must be a Clerk secret key (sk_test_… or sk_live_…)")
    .optional(),
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: z
    .string()
    .refine(isPublishableKey, "must be a Clerk publishable key (pk_test_… or pk_live_…)")
    .optional(),
  CLERK_JWT_KEY: pem.optional(),
  CLERK_WEBHOOK_SIGNING_SECRET: z
    .string()
    .regex(/^whsec_\S+$/, "must be the Clerk webhook signing secret (whsec_…)")
    .optional(),
  ATLAS_DEV_SESSION_SECRET: z
    .string()
    .min(
      DEV_SESSION_SECRET_MIN_LENGTH,
      `must be at least ${DEV_SESSION_SECRET_MIN_LENGTH} characters`,
    )
    .optional(),
};

export interface ClerkAuthEnv {
  provider: "clerk";
  mode: AtlasMode;
  CLERK_SECRET_KEY: string;
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: string;
  /** PEM public key, newlines restored; passed to Clerk explicitly as `jwtKey`. */
  CLERK_JWT_KEY: string;
  CLERK_WEBHOOK_SIGNING_SECRET: string;
}

export interface DevAuthEnv {
  provider: "dev";
  mode: Exclude<AtlasMode, "production">;
  /** ATLAS_DEV_SESSION_SECRET, or the generated secret shared through `.atlas/dev-session-secret`. */
  ATLAS_DEV_SESSION_SECRET: string;
  /** Where the secret came from (for a startup log line; never the secret itself). */
  devSessionSecretSource: "env" | "file";
}

export type AuthEnv = ClerkAuthEnv | DevAuthEnv;
export type AuthProvider = AuthEnv["provider"];

/** True when a Clerk key is configured: then the dev sign-in is refused in every mode. */
export function clerkKeysPresent(env: Env = process.env): boolean {
  return isSet(env, "CLERK_SECRET_KEY") || isSet(env, "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY");
}

/** Which sign-in the apps mount: Clerk in production or whenever a Clerk key is set, else dev. */
export function authProvider(env: Env = process.env): AuthProvider {
  return atlasMode(env) === "production" || clerkKeysPresent(env) ? "clerk" : "dev";
}

function parse(env: Env) {
  return createEnv({
    server: authEnvShape,
    // Only this fragment's variables, trimmed; a blank value counts as unset.
    runtimeEnv: Object.fromEntries(
      Object.keys(authEnvShape).map((name) => [name, read(env, name)]),
    ),
    emptyStringAsUndefined: true,
    isServer: true,
    onValidationError: (issues) => {
      const names = [...new Set(issues.map(variableOf))];
      const details = issues.map((issue) => `${variableOf(issue)} ${issue.message}`).join("; ");
      throw new AtlasConfigError(`Invalid auth configuration: ${details}.`, names);
    },
  });
}

/**
 * The validated auth configuration for the current mode. Throws an AtlasConfigError naming every
 * missing or malformed variable.
 */
export function authEnv(env: Env = process.env): AuthEnv {
  const mode = atlasMode(env);
  const parsed = parse(env);

  if (authProvider(env) === "clerk") {
    const missing = CLERK_VARIABLES.filter((name) => parsed[name] === undefined);
    if (missing.length > 0) {
      const why =
        mode === "production"
          ? "production mode (ATLAS_MODE unset or production) signs in through Clerk and requires all of " +
            CLERK_VARIABLES.join(", ")
          : `in ${mode} mode a Clerk key is set, so Clerk is used and needs all of ${CLERK_VARIABLES.join(", ")}; ` +
            "unset CLERK_SECRET_KEY and NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY to use the local dev sign-in instead";
      throw new AtlasConfigError(`Missing ${missing.join(", ")}: ${why}.`, missing);
    }
    return {
      provider: "clerk",
      mode,
      CLERK_SECRET_KEY: parsed.CLERK_SECRET_KEY!,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: parsed.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY!,
      CLERK_JWT_KEY: parsed.CLERK_JWT_KEY!,
      CLERK_WEBHOOK_SIGNING_SECRET: parsed.CLERK_WEBHOOK_SIGNING_SECRET!,
    };
  }

  const fromEnv = parsed.ATLAS_DEV_SESSION_SECRET;
  return {
    provider: "dev",
    mode: mode as DevAuthEnv["mode"],
    ATLAS_DEV_SESSION_SECRET: fromEnv ?? loadOrCreateDevSessionSecret(),
    devSessionSecretSource: fromEnv === undefined ? "file" : "env",
  };
}

// ── The generated dev session secret ──────────────────────────────────────────────────────

/** `<repo>/.atlas/dev-session-secret` (the `.atlas/` folder is gitignored). */
export function devSessionSecretPath(): string {
  return join(repoRoot(), ".atlas", "dev-session-secret");
}

const cachedSecrets = new Map<string, string>();

/**
 * The secret stored at `path`, created on first use: 32 random bytes, base64url, mode 0600. The
 * file is created exclusively, so two apps starting at once still end up with one secret.
 */
export function loadOrCreateDevSessionSecret(path: string = devSessionSecretPath()): string {
  const cached = cachedSecrets.get(path);
  if (cached !== undefined) return cached;

  const readExisting = () => {
    const secret = readFileSync(/*turbopackIgnore: true*/ path, "utf8").trim();
    if (secret.length < DEV_SESSION_SECRET_MIN_LENGTH) {
      throw new AtlasConfigError(
        `The dev session secret in ${path} is shorter than ${DEV_SESSION_SECRET_MIN_LENGTH} characters; ` +
          "delete the file (a new one is generated; existing dev sign-ins end) or set ATLAS_DEV_SESSION_SECRET.",
        ["ATLAS_DEV_SESSION_SECRET"],
      );
    }
    return secret;
  };

  let secret: string;
  try {
    secret = readExisting();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    // The folder is shared: the embedded PostgreSQL keeps its data there too, and as root it runs
    // as the postgres OS user, which must traverse it. The secret itself is 0600.
    mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
    try {
      writeFileSync(path, `${randomBytes(32).toString("base64url")}\n`, {
        flag: "wx",
        mode: 0o600,
      });
    } catch (writeError) {
      // Another process created it between our read and write: use theirs.
      if ((writeError as NodeJS.ErrnoException).code !== "EEXIST") throw writeError;
    }
    secret = readExisting();
  }
  cachedSecrets.set(path, secret);
  return secret;
}
