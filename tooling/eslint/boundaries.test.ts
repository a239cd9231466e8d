/**
 * The layer boundaries (boundaries.js) fire where they should and only there: planted imports
 * at virtual paths in each zone, linted through each package's own eslint.config.js.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages for `import * as m from "<source>"` in `file`. */
async function restrictions(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as m from "${source}";\nexport default m;\n`, {
    filePath: join(root, file),
  });
  if (!result) throw new Error(`ESLint returned nothing for ${file}`);
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${file}: ${fatal.message}`);
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const ROUTER = "packages/api/src/routers/app/habit/create-habit.ts";
const SCHEMA = "packages/api/src/routers/app/habit/create-habit.schema.ts";
const PURE = "packages/core/src/score-day.ts";
const VIEW = "packages/core/src/views/today-view.ts";
const SERVICE = "packages/core/src/services/plans/goals.ts";
const UI = "packages/ui/src/button.tsx";
const WEB = "apps/web/app/w/[workspaceId]/page.tsx";
const ADMIN = "apps/admin/lib/portfolio.ts";

describe("layer boundaries", () => {
  it.each([
    // a router or schema imports the database
    [ROUTER, "@atlas/db", "core/services"],
    [SCHEMA, "@atlas/db", "core/services"],
    ["packages/api/src/schemas.ts", "@prisma/client", "core/services"],
    // core's pure modules import the database or a framework
    [PURE, "@atlas/db", "packages/core/src/services"],
    [VIEW, "pg", "packages/core/src/services"],
    [PURE, "ioredis", "packages/core/src/services"],
    [PURE, "@prisma/client", "packages/core/src/services"],
    [PURE, "@trpc/server", "no framework"],
    [PURE, "next/server", "no framework"],
    [PURE, "next", "no framework"],
    [VIEW, "react", "no framework"],
    [PURE, "inngest", "no framework"],
    [PURE, "@clerk/backend", "no framework"],
    [PURE, "stripe", "no framework"],
    [PURE, "openai", "no framework"],
    // the whole of core, services included: no framework, no caller
    [SERVICE, "@trpc/server", "no framework"],
    [SERVICE, "@atlas/api/routers/app/today/get-today.schema", "never imports the packages"],
    // ui imports data or api
    [UI, "@atlas/db", "take data as props"],
    [UI, "@atlas/api", "take data as props"],
    [UI, "@atlas/core/services/views/today", "take data as props"],
    [UI, "@trpc/client", "take data as props"],
    // an app imports another app
    [WEB, "@atlas/admin", "another app"],
    [WEB, "../../../../admin/lib/portfolio", "another app"],
    [WEB, "~/../admin/lib/portfolio", "another app"],
    [WEB, "../../../../../apps/admin/lib/portfolio", "another app"],
    [ADMIN, "../../web/components/habit-card", "another app"],
    [ADMIN, "@atlas/web", "another app"],
    // the repo-wide rule still holds inside a zone
    [PURE, "@atlas/db/bypass", "bypass client"],
    [UI, "@atlas/db/bypass", "bypass client"],
  ])("%s may not import %s", async (file, source, advice) => {
    const messages = await restrictions(file, source);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join("\n")).toContain(advice);
  });

  it.each([
    // the layers' allowed imports
    ["packages/api/src/trpc.ts", "@atlas/db"],
    [ROUTER, "@atlas/core/services/plans/goals"],
    [ROUTER, "@atlas/core"],
    [SCHEMA, "zod"],
    [SERVICE, "@atlas/db"],
    [SERVICE, "@atlas/core"],
    ["packages/core/src/score-day.test.ts", "@atlas/db/testing"],
    ["packages/core/src/services/testing/server.ts", "@atlas/db/testing"],
    [PURE, "@atlas/time"],
    [PURE, "./fraction.ts"],
    [PURE, "next-tick"],
    [PURE, "reactive"],
    [UI, "react"],
    [UI, "radix-ui"],
    [UI, "@atlas/core"],
    [WEB, "@atlas/ui"],
    [WEB, "@atlas/next-app/server"],
    [WEB, "@atlas/api"],
    [WEB, "~/lib/dates"],
    [WEB, "../../../components/admin-badge"],
    [ADMIN, "../components/portfolio-table"],
    ["packages/db/src/client.ts", "pg"],
  ])("%s may import %s", async (file, source) => {
    expect(await restrictions(file, source)).toEqual([]);
  });
});
