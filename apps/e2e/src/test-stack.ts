/**
 * The apps under test: a private seeded database, then the production builds (`next start`) of
 * web and admin in test mode on loopback ports, pointed at it, plus any extra web servers on the
 * same database (e.g. one whose clock stands elsewhere, or one with billing on against the local
 * fake Stripe, which posts its signed webhooks to that server). Web and admin run with billing
 * off, whatever the shell says. Used by the Playwright global setup and by bench/page-weight.
 * `stop()` stops exactly the processes (and the fake Stripe) it started and drops the databases.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { BILLING_VARIABLES } from "@atlas/billing";
import {
  DEFAULT_FAKE_PRICES,
  startFakeStripe,
  type RunningFakeStripe,
} from "@atlas/billing/testing/fake-stripe";
import { cloneTestDatabase, startTestServer } from "@atlas/db/testing";
import { seed } from "@atlas/seed";
import { startNextApp, type RunningApp } from "./next-server.ts";

const repoRoot = join(import.meta.dirname, "..", "..", "..");

export interface ExtraWeb {
  /** Names the server's log file (`web-<name>.log`). */
  name: string;
  port: number;
  /** Added to the environment of this server only. */
  env: NodeJS.ProcessEnv;
  /**
   * Billing on (docs/architecture.md "Billing"): the stack's fake Stripe serves this server's
   * Stripe calls and posts its webhooks to its /api/webhooks/stripe. At most one server.
   */
  billing?: true;
}

export interface TestStack {
  webUrl: string;
  adminUrl: string;
  /** The private database's admin-role URL: journeys arrange stored rows through it. */
  databaseAdminUrl: string;
  /** The extra web servers' URLs by name. */
  extraWebUrls: Record<string, string>;
  /** The fake Stripe (its pages and `/_fake/` controls), when a server runs with billing. */
  fakeStripeUrl: string | null;
  stop(): Promise<void>;
}

/** The Stripe variables of a server with billing on, against the fake at `url`. */
function billingEnv(url: string, webhookSecret: string): Record<string, string> {
  const price = (nickname: string) => DEFAULT_FAKE_PRICES.find((p) => p.nickname === nickname)!.id;
  return {
    STRIPE_SECRET_KEY: "sk_test_atlas_e2e",
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_PRICE_TEAM: price("Team"),
    STRIPE_PRICE_COACH: price("Coach"),
    STRIPE_API_BASE: url,
  };
}

export async function startTestStack(options: {
  webPort: number;
  adminPort: number;
  /** Where each server's output goes (`web.log`, `admin.log`, `web-<name>.log`). */
  logDir: string;
  extraWeb?: readonly ExtraWeb[];
  /** The fake Stripe's port, when an extra server has billing (0 or unset: any free port). */
  fakeStripePort?: number;
}): Promise<TestStack> {
  const server = await startTestServer({ seed });
  const webUrl = `http://127.0.0.1:${options.webPort}`;
  const adminUrl = `http://127.0.0.1:${options.adminPort}`;
  let apps: RunningApp[] = [];
  let stripe: RunningFakeStripe | null = null;
  const stop = async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await stripe?.stop();
    await server.stop();
  };

  try {
    const database = await cloneTestDatabase(server);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ATLAS_MODE: "test",
      DATABASE_URL: database.appUrl,
      DATABASE_ADMIN_URL: database.adminUrl,
      // One secret for every server: a dev session signed by one is valid on all of them.
      ATLAS_DEV_SESSION_SECRET: randomBytes(32).toString("hex"),
      ATLAS_WEB_URL: webUrl,
      ATLAS_ADMIN_URL: adminUrl,
    };
    delete env.REDIS_URL;
    delete env.ATLAS_CLOCK_OFFSET;
    for (const name of [...BILLING_VARIABLES, "STRIPE_API_BASE"]) delete env[name];

    const billed = (options.extraWeb ?? []).filter((extra) => extra.billing);
    if (billed.length > 1) throw new Error("At most one extra web server may run with billing.");
    let stripeEnv: Record<string, string> = {};
    if (billed[0]) {
      const webhookSecret = `whsec_${randomBytes(24).toString("hex")}`;
      stripe = await startFakeStripe({
        port: options.fakeStripePort ?? 0,
        webhookUrl: `http://127.0.0.1:${billed[0].port}/api/webhooks/stripe`,
        webhookSecret,
      });
      stripeEnv = billingEnv(stripe.url, webhookSecret);
    }
    // No model: the local planner answers every AI suggestion, deterministically.
    delete env.OPENAI_API_KEY;
    delete env.OPENAI_BASE_URL;

    const starts = [
      { appDir: "apps/web", port: options.webPort, env, log: "web.log" },
      { appDir: "apps/admin", port: options.adminPort, env, log: "admin.log" },
      ...(options.extraWeb ?? []).map((extra) => ({
        appDir: "apps/web",
        port: extra.port,
        env: {
          ...env,
          ATLAS_WEB_URL: `http://127.0.0.1:${extra.port}`,
          ...(extra.billing ? stripeEnv : {}),
          ...extra.env,
        },
        log: `web-${extra.name}.log`,
      })),
    ];
    const started = await Promise.allSettled(
      starts.map((s) =>
        startNextApp({
          appDir: join(repoRoot, s.appDir),
          port: s.port,
          env: s.env,
          logFile: join(options.logDir, s.log),
        }),
      ),
    );
    apps = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;

    return {
      webUrl,
      adminUrl,
      databaseAdminUrl: database.adminUrl,
      extraWebUrls: Object.fromEntries(
        (options.extraWeb ?? []).map((extra) => [extra.name, `http://127.0.0.1:${extra.port}`]),
      ),
      fakeStripeUrl: stripe?.url ?? null,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
