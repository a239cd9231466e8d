/**
 * An app's configuration: the package fragments (db, auth, api) plus the app's own variables,
 * validated together so every problem is reported at once, each naming its variable.
 *
 * - at build (next.config.ts): the variables the mode requires are present and well-formed; the
 *   embedded database itself need not exist yet;
 * - at start (instrumentation.ts): everything, including the embedded database's state file.
 *
 * `ATLAS_MODE` decides (production when unset); nothing here reads NODE_ENV.
 */
import { aiEnv, type AiEnv } from "@atlas/ai/env";
import { apiEnv, type ApiEnv } from "@atlas/api/env";
import { authEnv, type AuthEnv } from "@atlas/auth/env";
import { AtlasConfigError, atlasMode, isSet, type AtlasMode } from "@atlas/config";
import { databaseUrls, type DatabaseUrls } from "@atlas/db/env";
import { createEnv } from "@t3-oss/env-nextjs";
import type { z } from "zod";

type Source = Record<string, string | undefined>;
type Shape = Record<string, z.ZodType>;
type Variables<TShape extends Shape> = { [K in keyof TShape]: z.output<TShape[K]> };

/** What every app's configuration holds, whatever the app adds. */
export interface BaseEnv {
  mode: AtlasMode;
  db: DatabaseUrls;
  auth: AuthEnv;
  api: ApiEnv;
  /** The AI planner's model, if any (none: the local planner does every job). */
  ai: AiEnv;
}

export type EnvPhase = "build" | "start";

export interface AppEnvOptions<TShape extends Shape, TApp extends object> {
  /** The app, as error messages name it: "Atlas <app> cannot start". */
  app: string;
  /** The app's own variables (t3-env, composed over the api fragment). */
  server: TShape;
  /** What the app keeps of its variables; may throw an AtlasConfigError naming a variable. */
  resolve: (variables: Variables<TShape>, mode: AtlasMode) => TApp;
}

/** `loadEnv` (validate a source, at build or start) and `serverEnv` (the running server's, once). */
export function defineAppEnv<TShape extends Shape, TApp extends object>(
  options: AppEnvOptions<TShape, TApp>,
) {
  type AppEnv = BaseEnv & TApp;

  function appVariables(source: Source, api: ApiEnv | undefined): Variables<TShape> {
    return createEnv({
      server: options.server,
      client: {},
      extends: api ? [api] : [],
      runtimeEnv: Object.fromEntries(Object.keys(options.server).map((k) => [k, source[k]])),
      emptyStringAsUndefined: true,
      isServer: true,
      onValidationError: (issues) => {
        throw new AtlasConfigError(
          issues.map((i) => `${String(i.path?.[0])} ${i.message}`).join("; "),
          issues.map((i) => String(i.path?.[0])),
        );
      },
    }) as Variables<TShape>;
  }

  /**
   * Every fragment, validated; throws one AtlasConfigError listing each problem and naming each
   * variable. `phase: "build"` skips what only the running server needs (the embedded database).
   */
  function loadEnv(source: Source = process.env, phase: EnvPhase = "start"): AppEnv {
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
      isSet(source, "DATABASE_URL") ||
      isSet(source, "DATABASE_ADMIN_URL");
    const db = needsDatabase ? attempt(() => databaseUrls(source)) : undefined;
    const auth = attempt(() => authEnv(source));
    const api = attempt(() => apiEnv(source));
    const ai = attempt(() => aiEnv(source));
    const variables = attempt(() => appVariables(source, api));
    const app = variables && mode ? attempt(() => options.resolve(variables, mode)) : undefined;

    if (problems.length > 0 || !mode || !auth || !api || !ai || !app) {
      const names = [...new Set(problems.flatMap((p) => p.variables))];
      throw new AtlasConfigError(
        `Atlas ${options.app} cannot ${phase === "build" ? "build" : "start"} (ATLAS_MODE=${source.ATLAS_MODE ?? "unset, so production"}):\n` +
          problems.map((p) => `  - ${p.message}`).join("\n"),
        names,
      );
    }
    // At build the database is not needed (nor, in embedded mode, started): its URLs stay empty.
    return { mode, db: db ?? { appUrl: "", adminUrl: "" }, auth, api, ai, ...app };
  }

  let cached: AppEnv | undefined;

  /** The validated configuration of the running server (validated once, on first use). */
  function serverEnv(): AppEnv {
    return (cached ??= loadEnv(process.env, "start"));
  }

  return { loadEnv, serverEnv };
}
