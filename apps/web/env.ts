/**
 * The web app's configuration: the package fragments (db, auth, api) plus the app's own
 * variables, validated together so every problem is reported at once, each naming its variable.
 *
 * - at build (next.config.ts): the variables the mode requires are present and well-formed; the
 *   embedded database itself need not exist yet;
 * - at start (instrumentation.ts): everything, including the embedded database's state file.
 *
 * `ATLAS_MODE` decides (production when unset); nothing here reads NODE_ENV.
 */
import { apiEnv, type ApiEnv } from "@atlas/api/env";
import { authEnv, type AuthEnv } from "@atlas/auth/env";
import {
  AtlasConfigError,
  atlasMode,
  databaseUrls,
  type AtlasMode,
  type DatabaseUrls,
} from "@atlas/db/env";
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

type Source = Record<string, string | undefined>;

export interface WebEnv {
  mode: AtlasMode;
  db: DatabaseUrls;
  auth: AuthEnv;
  api: ApiEnv;
  /** Where the admin console lives (a link for coaches); absent when not configured. */
  adminUrl: string | undefined;
}

/** The app's own variables (t3-env, composed over the api fragment). */
function appEnv(source: Source, api: ApiEnv | undefined) {
  return createEnv({
    server: { ATLAS_ADMIN_URL: z.url().optional() },
    client: {},
    extends: api ? [api] : [],
    runtimeEnv: { ATLAS_ADMIN_URL: source.ATLAS_ADMIN_URL },
    emptyStringAsUndefined: true,
    isServer: true,
    onValidationError: (issues) => {
      throw new AtlasConfigError(
        issues.map((i) => `${String(i.path?.[0])} ${i.message}`).join("; "),
        issues.map((i) => String(i.path?.[0])),
      );
    },
  });
}

/**
 * Every fragment, validated; throws one AtlasConfigError listing each problem and naming each
 * variable. `phase: "build"` skips what only the running server needs (the embedded database).
 */
export function loadEnv(source: Source = process.env, phase: "build" | "start" = "start"): WebEnv {
  const problems: AtlasConfigError[] = [];
  function attempt<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (error instanceof AtlasConfigError) {
        problems.push(error);
        return undefined;
      }
      throw error;
    }
  }

  const mode = attempt(() => atlasMode(source));
  const needsDatabase =
    phase === "start" ||
    mode === "production" ||
    !!source.DATABASE_URL ||
    !!source.DATABASE_ADMIN_URL;
  const db = needsDatabase ? attempt(() => databaseUrls(source)) : undefined;
  const auth = attempt(() => authEnv(source));
  const api = attempt(() => apiEnv(source));
  const app = attempt(() => appEnv(source, api));

  if (problems.length > 0 || !mode || !auth || !api || !app) {
    const variables = [...new Set(problems.flatMap((p) => p.variables))];
    throw new AtlasConfigError(
      `Atlas web cannot ${phase === "build" ? "build" : "start"} (ATLAS_MODE=${source.ATLAS_MODE ?? "unset, so production"}):\n` +
        problems.map((p) => `  - ${p.message}`).join("\n"),
      variables,
    );
  }
  const adminUrl =
    app.ATLAS_ADMIN_URL ?? (mode === "production" ? undefined : "http://127.0.0.1:3001");
  // At build the database is not needed (nor, in embedded mode, started): its URLs stay empty.
  return { mode, db: db ?? { appUrl: "", adminUrl: "" }, auth, api, adminUrl };
}

let cached: WebEnv | undefined;

/** The validated configuration of the running server (validated once, on first use). */
export function serverEnv(): WebEnv {
  return (cached ??= loadEnv(process.env, "start"));
}
