/**
 * The seat policy, the monthly high-water mark (docs/adr/0010, docs/domain.md "Seats"): a join
 * raises the paid seats at once (billed from the next invoice, no proration), a leave never lowers
 * them mid-period, and the first sync of a new billing period sets them to the billable members
 * then. So each invoice charges the peak of the period before it. Pure: no database, no Stripe.
 */

export interface SeatsInput {
  /** The quantity Stripe bills now. */
  stripeQuantity: number;
  /** Billable members now (active memberships, every role). */
  billable: number;
  /** Start of the subscription's current billing period (its item's current_period_start). */
  periodStart: Date;
  /** The period whose seats were last set to the billable members; null = never. */
  seatsPeriodStart: Date | null;
}

export interface SeatsDecision {
  /** What Stripe should bill (never below 1). */
  quantity: number;
  /** What to record as `seatsPeriodStart`. */
  seatsPeriodStart: Date;
  /** Whether Stripe's quantity must change. */
  changed: boolean;
  /** Why: a new period resets to the members then; within one the quantity only rises. */
  reason: "new_period" | "raised" | "unchanged";
}

export function seatsToBill(input: SeatsInput): SeatsDecision {
  const billable = Math.max(1, input.billable);
  const isNewPeriod =
    input.seatsPeriodStart === null ||
    input.periodStart.getTime() > input.seatsPeriodStart.getTime();
  if (isNewPeriod) {
    return {
      quantity: billable,
      seatsPeriodStart: input.periodStart,
      changed: billable !== input.stripeQuantity,
      reason: "new_period",
    };
  }
  const quantity = Math.max(input.stripeQuantity, billable);
  return {
    quantity,
    seatsPeriodStart: input.seatsPeriodStart!,
    changed: quantity !== input.stripeQuantity,
    reason: quantity !== input.stripeQuantity ? "raised" : "unchanged",
  };
}
