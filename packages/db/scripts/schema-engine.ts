/**
 * A stand-in for Prisma's native schema-engine binary, which this machine cannot download.
 * It speaks the CLI's JSON-RPC over stdio and answers with the same engine compiled to
 * WebAssembly (@prisma/schema-engine-wasm), driven through @prisma/adapter-pg. See docs/adr/0001.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgResult = { fields: { dataTypeID: number }[]; rows: object };

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

interface Datasource {
  url?: string;
  shadowDatabaseUrl?: string;
}

function parseArgs(argv: string[]) {
  const datamodelPaths: string[] = [];
  let datasource: Datasource = {};
  let cliCommand: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === "--datamodels" && value) {
      datamodelPaths.push(value);
      i++;
    } else if (arg === "--datasource" && value) {
      datasource = JSON.parse(value) as Datasource;
      i++;
    } else if (arg === "cli" && value) {
      cliCommand = value;
      i++;
    } else if (arg === "--version" || arg === "-V") {
      return { version: true, datamodelPaths, datasource, cliCommand };
    }
  }
  return { version: false, datamodelPaths, datasource, cliCommand };
}

/**
 * Two fixes to adapter-pg 7.10 for the engine's use: it throws on PostgreSQL's internal "char"
 * type, which the engine's catalog queries return, and its executeScript splits a migration on
 * every ";" (breaking function bodies and comments), where the native engine sends the script
 * whole, as one simple query, which PostgreSQL runs atomically.
 */
function patchAdapter<T extends object>(queryable: T): T {
  const target = queryable as T & {
    performIO(q: unknown): Promise<PgResult>;
    queryRaw(q: unknown): Promise<{ rows: object; columnTypes: number[] }>;
    executeScript?: (script: string) => Promise<void>;
    onError(error: unknown): never;
    client: { query(sql: string): Promise<unknown> };
    startTransaction?: (...a: unknown[]) => Promise<object>;
  };
  // Let adapter-pg map a "char" column as text, then report it as the Character the engine reads.
  const charColumns = new WeakMap<object, number[]>();
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    const indexes = result.fields.flatMap((field, i) =>
      field.dataTypeID === PG_CHAR_OID ? [i] : [],
    );
    if (indexes.length > 0) {
      for (const i of indexes) result.fields[i]!.dataTypeID = PG_TEXT_OID;
      charColumns.set(result.rows, indexes);
    }
    return result;
  };
  const queryRaw = target.queryRaw.bind(target);
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? [])
      result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  if (target.executeScript) {
    target.executeScript = async (script) => {
      try {
        await target.client.query(script);
      } catch (error) {
        target.onError(error);
      }
    };
  }
  const startTransaction = target.startTransaction?.bind(target);
  if (startTransaction) {
    target.startTransaction = async (...args) => patchAdapter(await startTransaction(...args));
  }
  return queryable;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The driver-adapter factory the engine asks for connections. Unlike adapter-pg's own, a
 * temporary shadow database gets its own connection string (adapter-pg lets the main URL's
 * database name win) and is dropped again, also when the CLI ends this process.
 */
class BridgeAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  readonly temporaryDatabases = new Set<string>();

  constructor(
    private readonly url: string,
    private readonly shadowDatabaseUrl: string | undefined,
  ) {}

  // The engine calls these unbound: they are arrow functions.
  connect = async (): Promise<Adapter> => {
    return patchAdapter(await new PrismaPg({ connectionString: this.url }).connect());
  };

  connectToShadowDb = async (): Promise<Adapter> => {
    if (this.shadowDatabaseUrl) {
      return patchAdapter(
        await new PrismaPg({ connectionString: this.shadowDatabaseUrl }).connect(),
      );
    }
    const name = `prisma_shadow_${process.pid}_${Date.now().toString(36)}`;
    await this.admin(`CREATE DATABASE "${name}"`);
    this.temporaryDatabases.add(name);
    const adapter = patchAdapter(
      await new PrismaPg({ connectionString: withDatabase(this.url, name) }).connect(),
    );
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.dropTemporary(name);
    };
    return adapter;
  };

  async dropTemporary(name: string) {
    if (!this.temporaryDatabases.delete(name)) return;
    await this.admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  /** Drops shadow databases left by bridge processes that died before they could clean up. */
  async dropOrphans() {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_shadow\\_%'",
      );
      for (const { datname } of rows) {
        const pid = Number(datname.split("_")[2]);
        if (Number.isInteger(pid) && !isAlive(pid)) {
          await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
        }
      }
    } finally {
      await client.end();
    }
  }

  async dropAllTemporary() {
    for (const name of [...this.temporaryDatabases]) await this.dropTemporary(name);
  }

  private async admin(sql: string) {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

async function createDatabase(url: string) {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0)
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
  return { databaseName: database };
}

/**
 * The CLI's one-shot mode (`cli can-connect-to-database | create-database`): exit 0 on
 * success, else the native engine's error log line, whose error code the CLI reads.
 */
async function runCliCommand(command: string, url: string) {
  const { hostname, port, pathname } = new URL(url);
  const database = decodeURIComponent(pathname.slice(1));
  const fail = (error_code: string, message: string) => {
    process.stderr.write(
      `${JSON.stringify({ level: "INFO", fields: { message: "schema-engine bridge" } })}\n`,
    );
    process.stderr.write(
      `${JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { error_code, message } })}\n`,
    );
    process.exit(1);
  };
  if (command === "create-database") {
    await createDatabase(url);
    return;
  }
  if (command !== "can-connect-to-database") fail("P1000", `Unsupported command: cli ${command}`);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "3D000") {
      fail(
        "P1003",
        `Database \`${database}\` does not exist on the database server at \`${hostname}:${port || 5432}\`.`,
      );
    }
    fail(
      "P1001",
      `Can't reach database server at \`${hostname}:${port || 5432}\`: ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The engine reports a Rust panic's message here before it traps (and the process dies). */
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: object }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    log("ERROR", `schema engine panicked: ${message}`);
  },
};

// @types/node 20 does not declare the WebAssembly global; only these two members are used.
const { WebAssembly } = globalThis as unknown as {
  WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (
      module: object,
      imports: Record<string, unknown>,
    ) => { exports: Record<string, unknown> };
  };
};

function loadWasm() {
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  // Node 20 cannot import a .wasm module: instantiate it by hand against the JS glue.
  const module = new WebAssembly.Module(
    readFileSync(join(dirname(bgPath), "schema_engine_bg.wasm")),
  );
  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": bg,
  });
  bg.__wbg_set_wasm(instance.exports as never);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
}

interface RpcRequest {
  id: number;
  method: string;
  params?: Record<string, unknown>;
}

function errorPayload(error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  // The wasm engine rejects with a JSON-encoded user-facing error where it has one.
  try {
    const parsed = JSON.parse(message) as {
      message?: string;
      error_code?: string;
      is_panic?: boolean;
    };
    if (parsed && typeof parsed === "object" && parsed.message) {
      return {
        code: 4466,
        message: "An error happened.",
        data: { ...parsed, is_panic: parsed.is_panic ?? false },
      };
    }
  } catch {
    // not JSON: a plain message
  }
  return { code: 4466, message, data: { message, is_panic: false } };
}

/** ATLAS_BRIDGE_LOG=<file> records every request and response, for debugging the bridge. */
const traceFile = process.env.ATLAS_BRIDGE_LOG;
function trace(line: string) {
  if (traceFile) appendFileSync(traceFile, `${new Date().toISOString()} ${line}\n`);
}

function log(level: "INFO" | "ERROR", message: string) {
  trace(`${level} ${message}`);
  process.stderr.write(`${JSON.stringify({ level, fields: { message } })}\n`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  trace(`start ${process.argv.slice(2).join(" ")}`);
  if (args.version) {
    process.stdout.write("schema-engine-wasm bridge 7.10.0\n");
    return;
  }
  const url = args.datasource.url ?? process.env.DATABASE_ADMIN_URL;
  if (!url)
    throw new Error(
      "The datasource has no url: set DATABASE_ADMIN_URL (see packages/db/prisma.config.ts).",
    );
  if (args.cliCommand) return runCliCommand(args.cliCommand, url);

  loadWasm();
  const factory = new BridgeAdapterFactory(url, args.datasource.shadowDatabaseUrl);
  // The CLI ends this process with a signal: drop the temporary shadow databases first.
  const shutdown = () => void factory.dropAllTemporary().finally(() => process.exit(0));
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  await factory.dropOrphans().catch(() => undefined); // best effort: the main database may not exist yet
  const datamodels = args.datamodelPaths.map(
    (path) => [path, readFileSync(path, "utf8")] as [string, string],
  );
  const engine = await bg.SchemaEngine.new(
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    (line: string) => process.stderr.write(`${line}\n`),
    bindMigrationAwareSqlAdapterFactory(factory),
  );

  let printId = 1_000_000;
  const respond = (body: object) => {
    const line = JSON.stringify({ jsonrpc: "2.0", ...body });
    trace(`> ${line}`);
    process.stdout.write(`${line}\n`);
  };
  const handlers: Record<string, (params: never) => Promise<unknown>> = {
    applyMigrations: (p) => engine.applyMigrations(p),
    createMigration: (p) => engine.createMigration(p),
    dbExecute: (p) => engine.dbExecute(p),
    devDiagnostic: (p) => engine.devDiagnostic(p),
    diagnoseMigrationHistory: (p) => engine.diagnoseMigrationHistory(p),
    diff: async (p) => {
      // The native engine prints the diff through a "print" request to the CLI; the wasm one returns it.
      const { exitCode, stdout } = await engine.diff(p);
      if (stdout !== null) respond({ id: printId++, method: "print", params: { content: stdout } });
      return { exitCode };
    },
    ensureConnectionValidity: (p) => engine.ensureConnectionValidity(p),
    evaluateDataLoss: (p) => engine.evaluateDataLoss(p),
    getDatabaseVersion: (p) => engine.version(p),
    introspect: (p) => engine.introspect(p),
    introspectSql: (p) => engine.introspectSql(p),
    markMigrationApplied: (p) => engine.markMigrationApplied(p),
    markMigrationRolledBack: (p) => engine.markMigrationRolledBack(p),
    reset: (p) => engine.reset(p),
    schemaPush: (p) => engine.schemaPush(p),
    createDatabase: () => createDatabase(url),
  };

  const pending = new Set<Promise<void>>();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    trace(`< ${line}`);
    const request = JSON.parse(line) as RpcRequest;
    if (!request.method) continue; // the CLI's acknowledgement of a "print"
    const handler = handlers[request.method];
    const work = (async () => {
      if (!handler) {
        respond({
          id: request.id,
          error: { code: -32601, message: `Method not found: ${request.method}` },
        });
        return;
      }
      try {
        const result = await handler((request.params ?? {}) as never);
        respond({ id: request.id, result: result ?? null });
      } catch (error) {
        log("ERROR", error instanceof Error ? error.message : String(error));
        respond({ id: request.id, error: errorPayload(error) });
      }
    })();
    pending.add(work);
    void work.finally(() => pending.delete(work));
  }
  await Promise.all(pending);
  await factory.dropAllTemporary();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log("ERROR", error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
