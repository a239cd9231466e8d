// node run-apps.mjs <build|start|dev>
//   build  the production builds of web and admin through turbo, whose cache (keyed by every source
//          file the apps depend on and by ATLAS_MODE) rebuilds only what changed; one line per app
//          per phase, with the time elapsed
//   start  `next start` for web (3000) and admin (3001): the production builds
//   dev    `next dev` for both: hot reload, for developers
// start and dev run both apps side by side with prefixed output, and stop both (each with its whole
// process group: next forks workers) on Ctrl-C, SIGTERM, or when either exits. turbo's `dev` left
// next dev running after Ctrl-C here, so the quick start uses this instead.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const apps = [
  { name: "web", port: "3000" },
  { name: "admin", port: "3001" },
];
const mode = process.argv[2];
if (mode !== "build" && mode !== "start" && mode !== "dev") {
  process.stderr.write("Usage: node tooling/scripts/run-apps.mjs <build|start|dev>\n");
  process.exit(2);
}

/** Writes each line of `stream` to `out` through `format` (which may drop it by returning null). */
function eachLine(stream, out, format) {
  let rest = "";
  stream.on("data", (chunk) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      const shown = format(line);
      if (shown !== null) out.write(`${shown}\n`);
    }
  });
}

const label = (name) => `${name.padEnd(5)} │`;

if (mode === "build") build();
else serve(mode);

function build() {
  const started = Date.now();
  const elapsed = () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    return `${String(Math.floor(seconds / 60)).padStart(2)}m${String(seconds % 60).padStart(2, "0")}s`;
  };
  const turbo = createRequire(join(root, "package.json")).resolve("turbo/bin/turbo");
  const child = spawn(
    process.execPath,
    [
      turbo,
      "run",
      "build",
      ...apps.map((app) => `--filter=@atlas/${app.name}`),
      "--output-logs=new-only",
      "--log-prefix=task",
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  // Each app's phases and errors, not next build's route table nor turbo's own chatter.
  const pastTable = new Set();
  const format = (raw) => {
    const task = /^@atlas\/(web|admin):build: ?(.*)$/.exec(raw.replace(/\x1b\[[\d;]*m/g, ""));
    if (!task) return /error|failed/i.test(raw) ? raw : null;
    const [, name, line] = task;
    if (/^Route \(app\)/.test(line)) pastTable.add(name);
    if (pastTable.has(name) || /^\s*(\$ .*)?$/.test(line)) return null;
    const said = line
      .replace(
        /^cache miss, executing .*/,
        "building (the first build, or a source changed since the last one)",
      )
      .replace(/^cache hit, .*/, "up to date: the build of these sources, from turbo's cache");
    return `[${elapsed()}] ${label(name)} ${said}`;
  };
  eachLine(child.stdout, process.stdout, format);
  eachLine(child.stderr, process.stderr, format);
  child.once("exit", (code) => {
    if (code === 0) process.stdout.write(`[${elapsed()}] web and admin built\n`);
    else process.stderr.write(`The build failed (turbo exited with ${code}); see above.\n`);
    process.exit(code ?? 1);
  });
}

function serve(command) {
  const children = apps.map(({ name, port }) => {
    const appDir = join(root, "apps", name);
    const nextBin = createRequire(join(appDir, "package.json")).resolve("next/dist/bin/next");
    const child = spawn(process.execPath, [nextBin, command, "-H", "127.0.0.1", "-p", port], {
      cwd: appDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    eachLine(child.stdout, process.stdout, (line) => `${label(name)} ${line}`);
    eachLine(child.stderr, process.stderr, (line) => `${label(name)} ${line}`);
    return child;
  });

  let stopping = false;
  function stop(code) {
    if (stopping) return;
    stopping = true;
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
    }
    Promise.all(
      children.map((c) =>
        c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once("exit", r)),
      ),
    ).then(() => process.exit(code));
    setTimeout(() => {
      for (const child of children) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      process.exit(code);
    }, 10_000).unref();
  }

  process.on("SIGINT", () => stop(130));
  process.on("SIGTERM", () => stop(143));
  process.on("SIGHUP", () => stop(129));
  for (const child of children) child.once("exit", (code) => stop(code ?? 1));
}
