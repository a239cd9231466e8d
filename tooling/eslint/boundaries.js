/**
 * Which layer may import what (docs/architecture.md, "Boundaries"). Each zone is a config block
 * pinned to its package folder by an absolute `basePath`, so this one list governs every
 * package's own eslint.config.js. ESLint keeps a single set of options per rule, so every zone
 * repeats the repo-wide restriction (the bypass client) beside its own.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Source files only: a zone's `files` must not pull JSON or CSS into the lint. */
const CODE = "*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}";

/** Repo-wide: the audited bypass client is for jobs, webhooks and platform admin only. */
export const bypassClient = {
  name: "@atlas/db/bypass",
  message:
    "The bypass client is for jobs, webhooks and platform admin only (docs/architecture.md, Tenancy); use the tenant-scoped client from the procedure chain.",
};

/** `name` or any subpath of it, for each name. */
const modules = (...names) =>
  names.map((n) => `${n.replaceAll(/[.*+?^${}()|[\]\\]/g, "\\$&")}(/.*)?`).join("|");

const FRAMEWORKS = `^(@(trpc|inngest|clerk)/.*|${modules("next", "react", "react-dom", "inngest", "stripe", "openai")})$`;
const CALLERS = `^(${modules("@atlas/api", "@atlas/jobs", "@atlas/next-app", "@atlas/ui")})$`;
const DATA = `^(@prisma/.*|${modules("@atlas/db", "pg", "ioredis")})$`;

const restrict = (...patterns) => ({
  "no-restricted-imports": [
    "error",
    {
      paths: [bypassClient],
      patterns: patterns.map(([regex, message]) => ({ regex, message, caseSensitive: true })),
    },
  ],
});

const core = {
  frameworks: [
    FRAMEWORKS,
    "core is the domain and runs under every caller (web, admin, jobs, AI): no framework. Take plain values or a client as arguments; framework glue belongs in api, jobs or the app.",
  ],
  callers: [
    CALLERS,
    "core never imports the packages that call it: move the shared piece into core, or pass it in as an argument.",
  ],
  data: [
    DATA,
    "core's pure modules (formulas, engine, views) do no I/O: take rows as plain arguments, and put database work in a service under packages/core/src/services/<domain>/.",
  ],
};

const routerData = [
  DATA,
  "Routers and schemas are transport: call a service from @atlas/core/services/<domain>/ with ctx.db and return its result; only services use the database.",
];

const uiData = [
  `^(@trpc/.*|@prisma/.*|${modules("@atlas/db", "@atlas/api", "@atlas/core/services")})$`,
  "ui is presentation: take data as props and callbacks; the app's pages fetch it through tRPC and core's services.",
];

/** Every app folder with its package name: an app added later is covered without a new entry. */
const apps = readdirSync(join(root, "apps"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, "apps", d.name, "package.json")))
  .map((d) => ({
    dir: d.name,
    name: JSON.parse(readFileSync(join(root, "apps", d.name, "package.json"), "utf8")).name,
  }));

/** Another app by package name, by a relative path that climbs into it, or by a repo path. */
const appImport = ({ dir, name }) =>
  `^(${modules(name)}|(~/)?(\\.\\./)+(apps/)?${dir}(/.*)?)$|(^|/)apps/${dir}(/|$)`;

const otherApps = (self) => [
  apps
    .filter((a) => a !== self)
    .map(appImport)
    .join("|"),
  "An app never imports another app: move what both need into a package (ui for components, next-app for Next wiring, core for the domain).",
];

export default [
  {
    name: "atlas/boundaries/api-transport",
    basePath: join(root, "packages/api"),
    files: [`src/routers/**/${CODE}`, "src/**/*.schema.ts", "src/schemas.ts"],
    rules: restrict(routerData),
  },
  {
    name: "atlas/boundaries/core",
    basePath: join(root, "packages/core"),
    files: [`src/**/${CODE}`],
    rules: restrict(core.frameworks, core.callers),
  },
  {
    name: "atlas/boundaries/core-pure",
    basePath: join(root, "packages/core"),
    files: [`src/**/${CODE}`],
    ignores: ["src/services/**", "src/**/*.test.ts", "src/**/testing/**", "src/test/**"],
    rules: restrict(core.frameworks, core.callers, core.data),
  },
  {
    name: "atlas/boundaries/ui",
    basePath: join(root, "packages/ui"),
    files: [`**/${CODE}`],
    rules: restrict(uiData),
  },
  ...apps.map((app) => ({
    name: `atlas/boundaries/app-${app.dir}`,
    basePath: join(root, "apps", app.dir),
    files: [`**/${CODE}`],
    rules: restrict(otherApps(app)),
  })),
];
