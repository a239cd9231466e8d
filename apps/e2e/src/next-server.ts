import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { SAFETY_NET_MS } from "@atlas/test-config";

export interface RunningApp {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a production build (`next start`) through the Next binary itself, so that its own
 * process id is the one serving the port and stopping it frees the port.
 */
export async function startNextApp(options: {
  appDir: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  readyPath?: string;
}): Promise<RunningApp> {
  const require = createRequire(join(options.appDir, "package.json"));
  const nextBin = require.resolve("next/dist/bin/next");
  const url = `http://127.0.0.1:${options.port}`;
  const log = createWriteStream(options.logFile);
  const child: ChildProcess = spawn(
    process.execPath,
    [nextBin, "start", "-H", "127.0.0.1", "-p", String(options.port)],
    {
      cwd: options.appDir,
      env: { ...options.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  // Only a server that never answers ends this wait; an exited one ends it at once.
  const deadline = Date.now() + SAFETY_NET_MS;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`next start in ${options.appDir} exited; see ${options.logFile}`);
    try {
      const response = await fetch(url + (options.readyPath ?? "/"), { redirect: "manual" });
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `next start in ${options.appDir} did not answer within ${SAFETY_NET_MS / 60_000} min; see ${options.logFile}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, pid: child.pid!, stop };
}
