/**
 * `pnpm --filter @atlas/billing fake-stripe [--port 12111] [--webhook-url URL]`: the fake Stripe
 * as a process (docs/architecture.md "The fake Stripe"). It sells STRIPE_PRICE_TEAM and
 * STRIPE_PRICE_COACH (defaults: price_atlas_team, price_atlas_coach), signs events with
 * STRIPE_WEBHOOK_SECRET and posts them to --webhook-url (default: the web app's
 * http://127.0.0.1:3000/api/webhooks/stripe). Point Atlas at it with STRIPE_API_BASE.
 */
import { parseArgs } from "node:util";
import { DEFAULT_FAKE_PRICES, startFakeStripe } from "./fake-stripe.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.FAKE_STRIPE_PORT ?? "12111" },
    "webhook-url": {
      type: "string",
      default: process.env.FAKE_STRIPE_WEBHOOK_URL ?? "http://127.0.0.1:3000/api/webhooks/stripe",
    },
  },
});

const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_atlas_fake_stripe_local";
const [team, coach] = DEFAULT_FAKE_PRICES as [
  (typeof DEFAULT_FAKE_PRICES)[0],
  (typeof DEFAULT_FAKE_PRICES)[0],
];
const running = await startFakeStripe({
  port: Number(values.port),
  webhookUrl: values["webhook-url"],
  webhookSecret,
  prices: [
    { ...team, id: process.env.STRIPE_PRICE_TEAM ?? team.id },
    { ...coach, id: process.env.STRIPE_PRICE_COACH ?? coach.id },
  ],
  log: (line) => console.info(`[fake-stripe] ${line}`),
});

console.info(`Fake Stripe listening on ${running.url}`);
console.info(`  STRIPE_API_BASE=${running.url}`);
console.info(
  `  STRIPE_SECRET_KEY=sk_test_… (any test key), STRIPE_WEBHOOK_SECRET=${webhookSecret}`,
);
console.info(`  webhooks → ${values["webhook-url"]}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void running.stop().then(() => process.exit(0));
  });
}
