"use client";

import type { RouterOutputs } from "@atlas/api";
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@atlas/ui";
import { useIdempotencyKey } from "@atlas/ui/use-idempotency-key";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useAction } from "~/lib/api.ts";
import {
  CATALOG_CURRENCY,
  formatMoney,
  planName,
  type BillingOn,
  type PlanId,
} from "~/lib/billing-format.ts";
import { describeError } from "~/lib/errors.ts";
import { ActionMessageLine, type ActionMessage } from "~/lib/use-keyed-action.tsx";
import { formatInstant } from "@atlas/ui/dates";
import { useLocale } from "@atlas/ui/locale";

type Preview = RouterOutputs["billing"]["previewPlanChange"];

const capitalized = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/**
 * The owner's plan choices (docs/domain.md "Billing page"). Without a subscription a paid plan
 * opens Stripe Checkout. With one, every change is previewed first, saying what changes, when,
 * and what is charged now and next; the owner then confirms it.
 */
export function PlanChoices({
  workspaceId,
  summary,
  timeZone,
}: {
  workspaceId: string;
  summary: BillingOn;
  timeZone: string;
}) {
  const router = useRouter();
  const [isRefreshing, startRefresh] = useTransition();
  const idempotency = useIdempotencyKey();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loading, setLoading] = useState<PlanId | null>(null);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const checkout = useAction((api) => api.billing.checkout.mutate);
  const change = useAction((api) => api.billing.changePlan.mutate);
  const previewChange = useAction((api) => api.billing.previewPlanChange.query);
  const busy = loading !== null || checkout.isPending || change.isPending || isRefreshing;
  const locale = useLocale();
  const day = (iso: string) => formatInstant(iso, "date", locale, timeZone);
  const { subscription } = summary;

  function fail(error: unknown) {
    const { form, fields } = describeError(error as Parameters<typeof describeError>[0]);
    setMessage({
      tone: "error",
      text: form ?? Object.values(fields)[0]?.[0] ?? "That did not work.",
    });
  }

  async function openCheckout(plan: "team" | "coach") {
    setMessage(null);
    try {
      const { url } = await checkout.send({
        workspaceId,
        plan,
        idempotencyKey: idempotency.keyFor({ plan }),
      });
      window.location.assign(url);
    } catch (error) {
      fail(error);
    }
  }

  async function showPreview(plan: PlanId) {
    setMessage(null);
    setPreview(null);
    setLoading(plan);
    try {
      setPreview(await previewChange.send({ workspaceId, plan }));
    } catch (error) {
      fail(error);
    } finally {
      setLoading(null);
    }
  }

  async function confirm(shown: Preview) {
    setMessage(null);
    try {
      const done = await change.send({
        workspaceId,
        plan: shown.to,
        ...(shown.prorationDate !== null ? { prorationDate: shown.prorationDate } : {}),
      });
      setPreview(null);
      setMessage({
        tone: "done",
        text:
          done.kind === "downgrade"
            ? `Done: the workspace moves to ${planName(summary, done.plan)} on ${day(done.effectiveAt)}.`
            : `Done: the workspace is on ${planName(summary, done.plan)}.`,
      });
      startRefresh(() => router.refresh());
    } catch (error) {
      fail(error);
    }
  }

  const canChange = subscription?.status === "active" || subscription?.status === "trialing";
  const rank = (id: PlanId) => summary.plans.findIndex((p) => p.id === id);
  const action = (label: string, onClick: () => void, variant: "primary" | "outline") => (
    <Button
      type="button"
      size="sm"
      variant={variant}
      aria-disabled={busy}
      onClick={() => !busy && onClick()}
    >
      {label}
    </Button>
  );
  const note = (text: string) => <span className="text-sm text-muted-foreground">{text}</span>;

  /** What the owner can do about `id`: Checkout, a previewed change, or nothing. */
  function choice(id: PlanId) {
    const name = planName(summary, id);
    if (subscription === null) {
      if (id === "free") return note("Current plan");
      const label = summary.trialAvailable ? `Try ${name} free for 14 days` : `Upgrade to ${name}`;
      return action(label, () => void openCheckout(id), "primary");
    }
    const pending = subscription.pendingChange;
    if (id === subscription.plan) {
      return pending && canChange
        ? action(`Keep ${name}`, () => void showPreview(id), "outline")
        : note("Current plan");
    }
    if (id === pending?.plan) return note(`From ${day(pending.effectiveAt)}`);
    if (!canChange) return null;
    return rank(id) > rank(subscription.plan)
      ? action(`Switch to ${name}`, () => void showPreview(id), "primary")
      : action(`Downgrade to ${name}`, () => void showPreview(id), "outline");
  }

  return (
    <Card aria-labelledby="choices-title">
      <CardHeader>
        <CardTitle id="choices-title">Change plan</CardTitle>
        <CardDescription>
          Upgrades apply now, charged for the rest of the period; downgrades apply when the period
          ends, with nothing refunded.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <ul className="flex flex-col divide-y divide-border" aria-label="Plans">
          {summary.plans.map((plan) => (
            <li key={plan.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <span className="text-sm">
                <strong className="font-semibold">{plan.name}</strong>{" "}
                <span className="text-muted-foreground">
                  {plan.pricePerSeatMonthlyCents === 0
                    ? "no charge"
                    : `${formatMoney(plan.pricePerSeatMonthlyCents, CATALOG_CURRENCY)} per seat a month`}
                </span>
              </span>
              {choice(plan.id)}
            </li>
          ))}
        </ul>
        {subscription && !canChange ? (
          <p className="text-sm text-muted-foreground">
            Update the payment method before changing the plan.
          </p>
        ) : null}
        {preview ? (
          <PreviewPanel
            preview={preview}
            nameOf={(id) => planName(summary, id)}
            day={day}
            busy={busy}
            onConfirm={() => void confirm(preview)}
            onCancel={() => setPreview(null)}
          />
        ) : null}
        <ActionMessageLine message={message} />
      </CardContent>
    </Card>
  );
}

/** What a previewed change does, in words, with its confirm and cancel buttons. */
function PreviewPanel({
  preview,
  nameOf,
  day,
  busy,
  onConfirm,
  onCancel,
}: {
  preview: Preview;
  nameOf: (id: PlanId) => string;
  day: (iso: string) => string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const to = nameOf(preview.to);
  const from = nameOf(preview.from);
  const money = (cents: number) => formatMoney(cents, preview.currency);
  const seats = `${preview.seats} ${preview.seats === 1 ? "seat" : "seats"}`;
  const next = preview.nextInvoice
    ? `From ${day(preview.nextInvoice.date)}: ${money(preview.nextInvoice.amountDueCents)} a month for ${seats}.`
    : null;
  const title =
    preview.kind === "keep"
      ? `Keep ${to}`
      : preview.kind === "upgrade"
        ? `Switch to ${to}`
        : `Downgrade to ${to}`;
  let summary: string;
  if (preview.kind === "keep") {
    summary = `The workspace stays on ${to}: the change planned for the end of the period is withdrawn.`;
  } else if (preview.kind === "upgrade") {
    summary =
      preview.dueNowCents > 0
        ? `${to} starts now. Charged now: ${money(preview.dueNowCents)} for the rest of this period. ${next ?? ""}`
        : `${to} starts now; nothing is charged now. ${next ?? ""}`;
  } else if (preview.to === "free") {
    summary = `The subscription ends on ${day(preview.effectiveAt)} and the workspace moves to Free. Until then it keeps ${from}; nothing is refunded or charged now, and nothing of the workspace is deleted.`;
  } else {
    summary = `The workspace moves to ${to} on ${day(preview.effectiveAt)}. Until then it keeps ${from}; nothing is refunded or charged now. ${next ?? ""}`;
  }
  const losses = preview.changes.filter((c) => c.isLoss);
  const gains = preview.changes.filter((c) => !c.isLoss);
  const list = (items: Preview["changes"]) => (
    <ul className="list-disc pl-5">
      {items.map((c) => (
        <li key={c.feature}>
          {capitalized(c.label)}: {c.from} → {c.to}
        </li>
      ))}
    </ul>
  );
  return (
    <section
      aria-labelledby="change-title"
      className="flex flex-col gap-3 rounded-md border border-border bg-muted/40 p-4 text-sm"
    >
      <h3 id="change-title" className="text-base font-semibold">
        {title}
      </h3>
      <p>{summary.trim()}</p>
      {preview.kind === "keep" ? (
        <>
          <p className="font-medium">You keep:</p>
          {list(preview.changes)}
        </>
      ) : null}
      {preview.kind !== "keep" && losses.length > 0 ? (
        <>
          <p className="font-medium">From {day(preview.effectiveAt)} the workspace loses:</p>
          {list(losses)}
        </>
      ) : null}
      {preview.kind !== "keep" && gains.length > 0 ? (
        <>
          <p className="font-medium">The workspace gains:</p>
          {list(gains)}
        </>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" aria-disabled={busy} onClick={() => !busy && onConfirm()}>
          Confirm: {title.toLowerCase()}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
