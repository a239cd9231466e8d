import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ScrollRegion,
  cn,
} from "@atlas/ui";
import { CATALOG_CURRENCY, formatMoney, type BillingOn } from "~/lib/billing-format.ts";

/** What each plan gives, feature by feature, the workspace's own plan marked. */
export function PlanComparison({ summary }: { summary: BillingOn }) {
  return (
    <Card aria-labelledby="compare-title">
      <CardHeader>
        <CardTitle id="compare-title">Compare plans</CardTitle>
        <CardDescription>Prices are per seat per month.</CardDescription>
      </CardHeader>
      <CardContent>
        <ScrollRegion label="Plans compared">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-border">
                <th scope="col" className="py-2 pr-4 font-medium text-muted-foreground">
                  Feature
                </th>
                {summary.plans.map((plan) => (
                  <th
                    key={plan.id}
                    scope="col"
                    className={cn(
                      "py-2 pr-4 font-semibold",
                      plan.id === summary.plan.key && "text-primary",
                    )}
                  >
                    {plan.name}
                    {plan.id === summary.plan.key ? " (yours)" : ""}
                    <span className="block text-xs font-normal text-muted-foreground">
                      {plan.pricePerSeatMonthlyCents === 0
                        ? "no charge"
                        : formatMoney(plan.pricePerSeatMonthlyCents, CATALOG_CURRENCY)}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summary.comparison.map((row) => (
                <tr key={row.feature} className="border-b border-border last:border-0">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {row.label[0]!.toUpperCase() + row.label.slice(1)}
                  </th>
                  {summary.plans.map((plan) => (
                    <td key={plan.id} className="py-2 pr-4">
                      {row.values[plan.id]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </CardContent>
    </Card>
  );
}
