/** Child processes and ports of the benchmarks: loopback only, each stoppable by its own id. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** A port the OS says is free now (loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Runs a command (at the repository root unless `cwd` says otherwise); its output is shown only
 * when it fails. With `track`, it runs in its own process group, so that `stopGroup` reaches
 * whatever it starts, and `track` receives it.
 */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; track?: (child: ChildProcess) => void },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: options.track !== undefined,
    });
    options.track?.(child);
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${output}`,
            ),
          ),
    );
  });
}

/**
 * Production builds in test mode through turbo (`turbo run build --filter=…`), so an unchanged
 * app is restored from its cache.
 */
export function turboBuild(
  packages: readonly string[],
  track: (child: ChildProcess) => void,
): Promise<void> {
  return run("pnpm", ["exec", "turbo", "run", "build", ...packages.map((p) => `--filter=${p}`)], {
    env: { ...process.env, ATLAS_MODE: "test", NEXT_TELEMETRY_DISABLED: "1" },
    track,
  });
}

/** Stops a process `run` tracked and everything it started (its process group). */
export function stopGroup(child: ChildProcess | undefined) {
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    process.kill(-child.pid, "SIGTERM");
  }
}
