import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "@atlas/db";
import { afterEach, describe, expect, it } from "vitest";
import { channelsFor } from "./channels.ts";
import { notifyConfig } from "./env.ts";

const root = mkdtempSync(join(tmpdir(), "atlas-channels-"));
afterEach(() => rmSync(join(root, ".atlas"), { recursive: true, force: true }));

describe("channelsFor", () => {
  it("generates embedded VAPID keys once and keeps them", () => {
    const config = notifyConfig({ ATLAS_MODE: "embedded" });
    const first = channelsFor(config, "embedded", { bypassDb: {} as Db, root });
    const second = channelsFor(config, "embedded", { bypassDb: {} as Db, root });
    expect(first.push?.publicKey).toMatch(/^[\w-]{87}$/);
    expect(second.push?.publicKey).toBe(first.push?.publicKey);
    expect(JSON.parse(readFileSync(join(root, ".atlas", "vapid.json"), "utf8")).publicKey).toBe(
      first.push?.publicKey,
    );
  });

  it("turns push off in production without keys", () => {
    const config = { ...notifyConfig({ ATLAS_MODE: "test" }), smtpUrl: "smtp://127.0.0.1:2525" };
    expect(channelsFor(config, "production", { bypassDb: {} as Db, root }).push).toBeNull();
  });
});
