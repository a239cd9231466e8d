import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AtlasConfigError, repoRoot } from "@atlas/config";
import {
  databaseUrls,
  embeddedDataDir,
  embeddedStatePath,
  embeddedUrls,
  maskUrl,
  readEmbeddedState,
  type EmbeddedState,
} from "./env.ts";

const APP = "postgresql://atlas_app:secret-app@db.example.com:5432/atlas";
const ADMIN = "postgresql://owner:secret-admin@db.example.com:5432/atlas";

const temp = mkdtempSync(join(tmpdir(), "atlas-env-test-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const state: EmbeddedState = {
  version: 1,
  dataDir: join(temp, "with-state", "postgres"),
  port: 54400,
  host: "127.0.0.1",
  database: "atlas",
  adminUser: "postgres",
  adminPassword: "a".repeat(48),
  appUser: "atlas_app",
  appPassword: "b".repeat(48),
  createdAt: "2026-01-01T00:00:00.000Z",
};
mkdirSync(join(temp, "with-state"));
writeFileSync(join(temp, "with-state", "embedded.json"), JSON.stringify(state));
const withState = { ATLAS_PG_DIR: state.dataDir };
const withoutState = { ATLAS_PG_DIR: join(temp, "nothing-here", "postgres") };

function configError(fn: () => unknown): AtlasConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AtlasConfigError);
    return error as AtlasConfigError;
  }
  throw new Error("expected an AtlasConfigError");
}

describe("databaseUrls in production", () => {
  it("returns both URLs when set", () => {
    expect(databaseUrls({ DATABASE_URL: APP, DATABASE_ADMIN_URL: ADMIN })).toEqual({
      appUrl: APP,
      adminUrl: ADMIN,
    });
  });

  it("refuses to start without them, naming each missing variable", () => {
    const both = configError(() => databaseUrls({}));
    expect(both.message).toContain("DATABASE_URL");
    expect(both.message).toContain("DATABASE_ADMIN_URL");
    expect(both.variables).toEqual(["DATABASE_URL", "DATABASE_ADMIN_URL"]);

    const app = configError(() =>
      databaseUrls({ ATLAS_MODE: "production", DATABASE_ADMIN_URL: ADMIN }),
    );
    expect(app.variables).toEqual(["DATABASE_URL"]);
    expect(app.message).toMatch(/^Missing DATABASE_URL:/);

    const admin = configError(() => databaseUrls({ DATABASE_URL: APP, DATABASE_ADMIN_URL: "  " }));
    expect(admin.variables).toEqual(["DATABASE_ADMIN_URL"]);
    expect(admin.message).toMatch(/^Missing DATABASE_ADMIN_URL:/);
  });

  it("never falls back to the embedded server, even when one is set up", () => {
    const error = configError(() => databaseUrls({ ...withState }));
    expect(error.variables).toEqual(["DATABASE_URL", "DATABASE_ADMIN_URL"]);
  });

  it("refuses URLs that are not PostgreSQL URLs, without echoing them", () => {
    const error = configError(() =>
      databaseUrls({ DATABASE_URL: "mysql://u:hunter2@h/db", DATABASE_ADMIN_URL: "not a url" }),
    );
    expect(error.variables).toEqual(["DATABASE_URL", "DATABASE_ADMIN_URL"]);
    expect(error.message).not.toContain("hunter2");
    expect(
      databaseUrls({ DATABASE_URL: "postgres://u:p@h:1/d", DATABASE_ADMIN_URL: ADMIN }).appUrl,
    ).toBe("postgres://u:p@h:1/d");
  });
});

describe("databaseUrls in embedded and test mode", () => {
  for (const mode of ["embedded", "test"] as const) {
    it(`${mode}: the variables win when set`, () => {
      expect(
        databaseUrls({
          ATLAS_MODE: mode,
          DATABASE_URL: APP,
          DATABASE_ADMIN_URL: ADMIN,
          ...withState,
        }),
      ).toEqual({
        appUrl: APP,
        adminUrl: ADMIN,
      });
    });

    it(`${mode}: otherwise the embedded server's URLs from its state file`, () => {
      expect(databaseUrls({ ATLAS_MODE: mode, ...withState })).toEqual({
        appUrl: `postgresql://atlas_app:${"b".repeat(48)}@127.0.0.1:54400/atlas`,
        adminUrl: `postgresql://postgres:${"a".repeat(48)}@127.0.0.1:54400/atlas`,
      });
    });

    it(`${mode}: without a state file, says how to start the embedded server`, () => {
      const error = configError(() => databaseUrls({ ATLAS_MODE: mode, ...withoutState }));
      expect(error.message).toContain("db:embedded");
      expect(error.message).toContain(join(temp, "nothing-here", "embedded.json"));
    });

    it(`${mode}: one variable without the other is refused (it would mix two servers)`, () => {
      const error = configError(() =>
        databaseUrls({ ATLAS_MODE: mode, DATABASE_URL: APP, ...withState }),
      );
      expect(error.variables).toEqual(["DATABASE_ADMIN_URL"]);
    });
  }

  it("refuses a corrupt state file", () => {
    mkdirSync(join(temp, "corrupt"));
    writeFileSync(join(temp, "corrupt", "embedded.json"), "{ not json");
    const error = configError(() =>
      databaseUrls({ ATLAS_MODE: "embedded", ATLAS_PG_DIR: join(temp, "corrupt", "postgres") }),
    );
    expect(error.message).toContain("unreadable");
  });
});

describe("embedded paths and URLs", () => {
  it("defaults to <repo>/.atlas/postgres with the state file beside it", () => {
    const root = repoRoot();
    expect(embeddedDataDir({})).toBe(join(root, ".atlas", "postgres"));
    expect(embeddedStatePath({})).toBe(join(root, ".atlas", "embedded.json"));
  });

  it("follows ATLAS_PG_DIR, one state file per data folder", () => {
    expect(embeddedStatePath({ ATLAS_PG_DIR: "/srv/pg/postgres" })).toBe("/srv/pg/embedded.json");
    expect(embeddedStatePath({ ATLAS_PG_DIR: "/srv/pg/test-postgres/" })).toBe(
      "/srv/pg/embedded-test-postgres.json",
    );
    expect(readEmbeddedState(join(temp, "missing.json"))).toBeUndefined();
  });

  it("encodes credentials and masks passwords for display", () => {
    const urls = embeddedUrls({ ...state, appPassword: "p@ss/word:with%chars" });
    expect(new URL(urls.appUrl).password).toBe(encodeURIComponent("p@ss/word:with%chars"));
    expect(maskUrl(urls.appUrl)).toBe("postgresql://atlas_app:****@127.0.0.1:54400/atlas");
    expect(maskUrl("nonsense")).toBe("<invalid URL>");
  });
});
