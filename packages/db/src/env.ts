/**
 * Modes and the database part of Atlas's configuration (ARCHITECTURE.md "Modes", "Outside
 * services", "Tenancy, twice" point 3).
 *
 * - `production` (ATLAS_MODE unset): DATABASE_URL (the app role) and DATABASE_ADMIN_URL (migrations,
 *   seed, bypass client) are both required; a missing one is named in the error.
 * - `embedded` / `test`: the variables win when set; otherwise the embedded PostgreSQL that
 *   `pnpm --filter @atlas/db db:embedded` runs is used, found through its state file.
 *
 * Nothing here depends on NODE_ENV. Error messages name variables, never their values (a URL
 * carries a password).
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const ATLAS_MODES = ["production", "embedded", "test"] as const;
export type AtlasMode = (typeof ATLAS_MODES)[number];

type Env = Record<string, string | undefined>;

/** A configuration problem the operator must fix; `variables` names every variable involved. */
export class AtlasConfigError extends Error {
  override name = "AtlasConfigError";
  constructor(
    message: string,
    readonly variables: readonly string[] = [],
  ) {
    super(message);
  }
}

/** An empty value counts as unset (`FOO=` in a .env file). */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** `ATLAS_MODE`: unset means production; anything but the three modes is refused. */
export function atlasMode(env: Env = process.env): AtlasMode {
  const value = read(env, "ATLAS_MODE");
  if (value === undefined) return "production";
  if ((ATLAS_MODES as readonly string[]).includes(value)) return value as AtlasMode;
  throw new AtlasConfigError(
    `ATLAS_MODE must be one of ${ATLAS_MODES.join(", ")} (unset means production); got ${JSON.stringify(value)}.`,
    ["ATLAS_MODE"],
  );
}

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
        `but it has not been set up (no ${statePath}). Run \`pnpm --filter @atlas/db db:embedded\` ` +
        "(it prints the URLs and keeps the server running), or start the app through it: " +
        "`pnpm --filter @atlas/db db:embedded -- <command>`; or set both variables.",
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

/** The monorepo root: the nearest ancestor holding pnpm-workspace.yaml (of this file, else of cwd). */
export function repoRoot(): string {
  const starts: string[] = [];
  try {
    starts.push(dirname(fileURLToPath(import.meta.url)));
  } catch {
    // bundled without a file URL
  }
  starts.push(process.cwd());
  for (const start of starts) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new AtlasConfigError(
    "Cannot find the repository root (no pnpm-workspace.yaml above here).",
  );
}

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
