import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AtlasConfigError } from "./errors.ts";

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
