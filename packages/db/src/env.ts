/**
 * The database part of Atlas's configuration (docs/architecture.md "Outside services",
 * "Tenancy"); the mode itself is @atlas/config's.
 *
 * - `production` (ATLAS_MODE unset): DATABASE_URL (the app role) and DATABASE_ADMIN_URL (migrations,
 *   seed, bypass client) are both required; a missing one is named in the error.
 * - `embedded` / `test`: the variables win when set; otherwise the embedded PostgreSQL that
 *   `pnpm db:embedded` runs is used, found through its state file.
 *
 * Nothing here depends on NODE_ENV. Error messages name variables, never their values (a URL
 * carries a password).
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { AtlasConfigError, atlasMode, read, repoRoot, type Env } from "@atlas/config";
import { z } from "zod";

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/ });

export interface DatabaseUrls {
  /** The application role (`atlas_app`: NOSUPERUSER NOBYPASSRLS); row-level security applies. */
  appUrl: string;
  /** Owner / BYPASSRLS role: migrations, the seed and the audited bypass client. */
  adminUrl: string;
}

const URL_VARIABLES = { appUrl: "DATABASE_URL", adminUrl: "DATABASE_ADMIN_URL" } as const;

/**
 * The two database URLs for the current mode. Throws an AtlasConfigError naming every missing or
 * invalid variable (production), or explaining how to start the embedded server (embedded, test).
 */
export function databaseUrls(env: Env = process.env): DatabaseUrls {
  const mode = atlasMode(env);
  const appUrl = read(env, URL_VARIABLES.appUrl);
  const adminUrl = read(env, URL_VARIABLES.adminUrl);

  if (mode === "production" || appUrl !== undefined || adminUrl !== undefined) {
    const missing = Object.values(URL_VARIABLES).filter((name) => read(env, name) === undefined);
    if (missing.length > 0) {
      const why =
        mode === "production"
          ? "production mode (ATLAS_MODE unset or production) requires both DATABASE_URL (the application role) and DATABASE_ADMIN_URL (migrations, seed, bypass client)"
          : `in ${mode} mode set both DATABASE_URL and DATABASE_ADMIN_URL, or neither to use the embedded PostgreSQL`;
      throw new AtlasConfigError(`Missing ${missing.join(" and ")}: ${why}.`, missing);
    }
    return validated({ appUrl: appUrl!, adminUrl: adminUrl! });
  }

  const statePath = embeddedStatePath(env);
  const state = readEmbeddedState(statePath);
  if (!state) {
    throw new AtlasConfigError(
      `ATLAS_MODE=${mode} with DATABASE_URL and DATABASE_ADMIN_URL unset needs the embedded PostgreSQL, ` +
        `but it has not been set up (no ${statePath}). Run \`pnpm db:embedded\` ` +
        "(it prints the URLs and keeps the server running), or start the app through it: " +
        "`pnpm db:embedded -- <command>`; or set both variables.",
      ["DATABASE_URL", "DATABASE_ADMIN_URL"],
    );
  }
  return embeddedUrls(state);
}

function validated(urls: DatabaseUrls): DatabaseUrls {
  const invalid = (Object.keys(URL_VARIABLES) as (keyof DatabaseUrls)[])
    .filter((key) => !postgresUrl.safeParse(urls[key]).success)
    .map((key) => URL_VARIABLES[key]);
  if (invalid.length > 0) {
    throw new AtlasConfigError(
      `${invalid.join(" and ")} must be a postgres:// or postgresql:// URL.`,
      invalid,
    );
  }
  return urls;
}

// ── The embedded server's files ────────────────────────────────────────────────────────────

/** What the launcher writes next to the data folder (mode 0600, under the gitignored `.atlas/`). */
export const embeddedStateSchema = z.object({
  version: z.literal(1),
  dataDir: z.string(),
  port: z.number().int().min(1).max(65535),
  host: z.string(),
  database: z.string(),
  adminUser: z.string(),
  adminPassword: z.string().min(16),
  appUser: z.string(),
  appPassword: z.string().min(16),
  createdAt: z.string(),
  seededAt: z.string().optional(),
});
export type EmbeddedState = z.infer<typeof embeddedStateSchema>;

export const EMBEDDED_DEFAULT_PORT = 54329;

/** `<repo>/.atlas/postgres`, or ATLAS_PG_DIR. */
export function embeddedDataDir(env: Env = process.env): string {
  const override = read(env, "ATLAS_PG_DIR");
  return override ? resolve(override) : join(repoRoot(), ".atlas", "postgres");
}

/**
 * The state file lives beside its data folder and is named after it, so two data folders side
 * by side (`.atlas/postgres` for development, `.atlas/test-postgres` for tests) never overwrite
 * each other's passwords: `<parent>/embedded.json` for a folder named `postgres` (the default:
 * `<repo>/.atlas/embedded.json`), `<parent>/embedded-<name>.json` for any other name.
 */
export function embeddedStatePathFor(dataDir: string): string {
  const name = basename(resolve(dataDir));
  return join(
    dirname(resolve(dataDir)),
    name === "postgres" ? "embedded.json" : `embedded-${name}.json`,
  );
}

export function embeddedStatePath(env: Env = process.env): string {
  return embeddedStatePathFor(embeddedDataDir(env));
}

/** The parsed state file, or undefined when there is none; a corrupt file is an error. */
export function readEmbeddedState(path: string): EmbeddedState | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = embeddedStateSchema.safeParse(parsed);
  if (!result.success) {
    throw new AtlasConfigError(
      `The embedded PostgreSQL state file ${path} is unreadable; remove it and its data folder to start over.`,
    );
  }
  return result.data;
}

function pgUrl(user: string, password: string, state: EmbeddedState): string {
  const auth = `${encodeURIComponent(user)}:${encodeURIComponent(password)}`;
  return `postgresql://${auth}@${state.host}:${state.port}/${encodeURIComponent(state.database)}`;
}

/** App URL = atlas_app, admin URL = the superuser `postgres`. */
export function embeddedUrls(state: EmbeddedState): DatabaseUrls {
  return {
    appUrl: pgUrl(state.appUser, state.appPassword, state),
    adminUrl: pgUrl(state.adminUser, state.adminPassword, state),
  };
}

/** A URL fit for logs: the password replaced by ****. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "<invalid URL>";
  }
}
