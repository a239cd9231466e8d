/**
 * Runs the real Prisma CLI with the project's schema-engine bridge (docs/adr/0001), so that
 * `migrate dev | deploy | status | diff | reset` work without Prisma's downloadable binary.
 * Usage: tsx scripts/prisma.ts <prisma args...>
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AtlasConfigError } from "@atlas/config";
import { databaseUrls } from "../src/env.ts";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

export function prismaEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...env,
    PRISMA_SCHEMA_ENGINE_BINARY: join(packageDir, "scripts", "schema-engine"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

/** Commands that reach a database; `generate`, `validate`, `format` and the like need no URL. */
const DATABASE_COMMANDS = new Set(["migrate", "db", "studio"]);

function needsDatabase(args: string[]): boolean {
  if (!DATABASE_COMMANDS.has(args[0] ?? "")) return false;
  // `migrate diff` between schemas/migrations/empty reads no datasource
  if (args[0] === "migrate" && args[1] === "diff") {
    return args.some((a) => a.endsWith("-config-datasource"));
  }
  return true;
}

/**
 * Fills DATABASE_ADMIN_URL, when unset, from the mode's configuration (src/env.ts): production
 * refuses with an AtlasConfigError naming what is missing; embedded and test use the embedded
 * server's URLs.
 */
function withAdminUrl(args: string[], env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.DATABASE_ADMIN_URL?.trim() || !needsDatabase(args)) return env;
  return { ...env, DATABASE_ADMIN_URL: databaseUrls(env).adminUrl };
}

/** Runs `prisma <args>` in packages/db; resolves with its output, rejects on a non-zero exit. */
export async function runPrisma(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): Promise<string> {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const env = withAdminUrl(args, options.env ?? process.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: packageDir,
      env: prismaEnv(env),
      stdio: ["inherit", "pipe", "pipe"],
    });
    let output = "";
    const collect = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) stream.write(chunk);
    };
    child.stdout.on("data", collect(process.stdout));
    child.stderr.on("data", collect(process.stderr));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`prisma ${args.join(" ")} exited with ${code}\n${output}`)),
    );
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runPrisma(process.argv.slice(2)).catch((error: unknown) => {
    // Prisma's own output has already been shown; a configuration error is shown without a stack.
    if (error instanceof AtlasConfigError) console.error(error.message);
    process.exit(1);
  });
}
