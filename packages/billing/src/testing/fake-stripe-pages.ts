/**
 * The fake Stripe's two pages a browser visits: Checkout (one button, "Pay" or "Start trial") and
 * the Customer Portal (seats, plan, cancel or renew). Plain HTML forms, labelled for role-based
 * locators; every value escaped.
 */
import type {
  WireCheckoutSession,
  WireCustomer,
  WirePortalSession,
  WirePrice,
  WireSubscription,
} from "./fake-stripe-objects.ts";

const escape = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** 800 → "$8.00". */
export const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Fake Stripe</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
form{margin:.75rem 0}button{padding:.5rem 1rem}section{border:1px solid #ccc;border-radius:.5rem;padding:1rem;margin:1rem 0}</style>
</head>
<body><main>
<p><small>Fake Stripe (test mode): nothing is charged.</small></p>
${body}
</main></body>
</html>`;
}

export function checkoutPage(input: {
  session: WireCheckoutSession;
  price: WirePrice;
  quantity: number;
  trialDays: number | null;
  customer: WireCustomer;
}): string {
  const { session, price, quantity, trialDays } = input;
  const perMonth = quantity * (price.unit_amount ?? 0);
  const plan = price.nickname ?? price.id;
  const terms = trialDays
    ? `<p>${trialDays}-day free trial, then ${money(perMonth)} per month.</p>`
    : `<p>${money(perMonth)} due today, then every month.</p>`;
  const cancel = session.cancel_url
    ? `<p><a href="${escape(session.cancel_url)}">Back</a></p>`
    : "";
  if (session.status === "complete") {
    return page(
      "Checkout",
      `<h1>Already paid</h1><p><a href="${escape(session.success_url ?? "/")}">Continue</a></p>`,
    );
  }
  return page(
    `Subscribe to ${plan}`,
    `<h1>Subscribe to ${escape(plan)}</h1>
<p>${quantity} ${quantity === 1 ? "seat" : "seats"} × ${money(price.unit_amount ?? 0)} per month</p>
${terms}
<p>Billed to ${escape(input.customer.email ?? input.customer.id)}</p>
<form method="post" action="/checkout/${escape(session.id)}">
<button type="submit">${trialDays ? "Start trial" : "Pay"}</button>
</form>
${cancel}`,
  );
}

export function portalPage(input: {
  session: WirePortalSession;
  subscriptions: WireSubscription[];
  prices: WirePrice[];
}): string {
  const { session } = input;
  const base = `/portal/${escape(session.id)}/subscriptions`;
  const sections = input.subscriptions.map((subscription) => {
    const item = subscription.items.data[0]!;
    const plan = item.price.nickname ?? item.price.id;
    const action = `${base}/${escape(subscription.id)}`;
    const options = input.prices
      .map(
        (price) =>
          `<option value="${escape(price.id)}"${price.id === item.price.id ? " selected" : ""}>${escape(price.nickname ?? price.id)}</option>`,
      )
      .join("");
    const renewal = subscription.cancel_at_period_end
      ? `<p>Ends on ${day(item.current_period_end)}.</p>
<form method="post" action="${action}/renew"><button type="submit">Renew plan</button></form>`
      : `<p>Renews on ${day(item.current_period_end)}.</p>
<form method="post" action="${action}/cancel"><button type="submit">Cancel plan</button></form>`;
    return `<section aria-label="${escape(plan)} subscription">
<h2>${escape(plan)}</h2>
<p>Status: ${escape(subscription.status)} · ${item.quantity ?? 1} seats</p>
<form method="post" action="${action}/seats">
<label>Seats <input name="quantity" type="number" min="1" value="${item.quantity ?? 1}"></label>
<button type="submit">Update seats</button>
</form>
<form method="post" action="${action}/plan">
<label>Plan <select name="price">${options}</select></label>
<button type="submit">Switch plan</button>
</form>
${renewal}
</section>`;
  });
  const back = session.return_url
    ? `<p><a href="${escape(session.return_url)}">Return to Atlas</a></p>`
    : "";
  return page(
    "Billing",
    `<h1>Manage your subscription</h1>
${sections.length > 0 ? sections.join("\n") : "<p>No active subscription.</p>"}
${back}`,
  );
}
