/**
 * The log export (docs/domain.md "Data export"): GET /api/export/log's response, built by
 * `logExportResponse` over a server-side caller on a seeded copy. The whole log comes as CSV,
 * oldest first, page after page, each page read only when the client takes the last one; one
 * audit entry per export; a refusal is the chain's status before any CSV is sent.
 */
import { csvLine, snapshotOf } from "@atlas/core";
import { EXPORT_LOG_COLUMNS } from "@atlas/core/services/log/export";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logExportResponse } from "./export.ts";
import { onPlan } from "./testing/billing.ts";
import { createHarness, type Harness, type Person } from "./testing/harness.ts";
import { clockAt, newKey } from "./testing/plans.ts";

let h: Harness;
const NOW = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 12 * 3_600_000);
const clock = clockAt(NOW);

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The export as `person` would download it, and how many pages the caller was asked for. */
function download(person: Person | null, pageSize = 100) {
  const caller = person === null ? h.anonymous() : h.as(person, "demo", { clock });
  const pages: (string | undefined)[] = [];
  const counting = {
    export: {
      log: (input: Parameters<typeof caller.export.log>[0]) => {
        pages.push(input?.cursor);
        return caller.export.log(input);
      },
    },
  };
  return { pages, response: logExportResponse(counting, { now: NOW, pageSize }) };
}

const exportAudits = () =>
  h.admin.auditLog.count({ where: { action: "export.log", workspaceId: h.workspaceIds.demo } });

describe("GET /api/export/log", () => {
  it("streams the whole log as CSV, oldest first, reading each page only when the last is taken", async () => {
    const events = await h.admin.executionEvent.findMany({
      where: { workspaceId: h.workspaceIds.demo },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(events.length).toBeGreaterThan(300);
    const auditsBefore = await exportAudits();
    const { pages, response: pending } = download("owner");
    const response = await pending;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="atlas-log-${NOW.toISOString().slice(0, 10)}.csv"`,
    );
    // Only the first page is read before the client reads anything.
    expect(pages).toEqual([undefined]);

    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(
      new RegExp(`^${csvLine(EXPORT_LOG_COLUMNS).trim()}\r\n`),
    );
    let text = new TextDecoder().decode(first.value);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += new TextDecoder().decode(chunk.value);
    }
    expect(pages).toHaveLength(Math.ceil(events.length / 100));
    const lines = text.split("\r\n").filter((l) => l !== "");
    expect(lines).toHaveLength(events.length + 1);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(events.map((e) => e.id));
    // One audit entry for the export, not one per page.
    expect((await exportAudits()) - auditsBefore).toBe(1);
  });

  it("writes each entry's fields, a note with commas, quotes and a formula made harmless", async () => {
    const nora = h.as("nora", "demo", { clock });
    const habit = await nora.habit.create({
      idempotencyKey: newKey(),
      title: 'Read, "slowly"',
      schedule: { type: "daily" },
      target: null,
    });
    const note = '=HYPERLINK("x"), then "more"';
    const { event } = await nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id, note });
    const text = await (await download("owner", 1000).response).text();
    const line = text.split("\r\n").find((l) => l.startsWith(`${event.id},`));
    expect(`${line}\r\n`).toBe(
      csvLine([
        event.id,
        event.localDate,
        h.userIds.nora,
        "Nora Newman",
        "nora.newyork@atlas.local",
        "habit",
        habit.id,
        'Read, "slowly"',
        "done",
        null,
        note,
        NOW.toISOString(),
        NOW.toISOString(),
        h.userIds.nora,
        "web",
        null,
        false,
      ]),
    );
    expect(line).toContain(`,"Read, ""slowly""",`);
    expect(line).toContain(`,"'=HYPERLINK(""x""), then ""more""",`);
  });

  it("answers a refusal with its status and message before any CSV", async () => {
    const refused = async (person: Person | null) => {
      const response = await download(person).response;
      return { status: response.status, body: await response.json() };
    };
    expect(await refused(null)).toMatchObject({ status: 401 });
    expect(await refused("nora")).toEqual({
      status: 403,
      body: {
        error: {
          code: "FORBIDDEN",
          message: "Your role (member) may not export the workspace's data.",
        },
      },
    });
    await onPlan(h, "demo", snapshotOf("free"), async () => {
      expect(await refused("owner")).toEqual({
        status: 402,
        body: {
          error: {
            code: "PAYMENT_REQUIRED",
            message: "Your plan (Free) does not include data export: the Team plan does.",
          },
        },
      });
    });
  });
});
