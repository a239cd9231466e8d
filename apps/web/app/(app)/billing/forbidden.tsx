import type { Metadata } from "next";
import { NoticePage } from "~/components/notice-page.tsx";

export const metadata: Metadata = { title: "Billing" };

/** HTTP 403 for /billing: members and coaches (docs/domain.md "Billing page"). */
export default function BillingForbidden() {
  return (
    <NoticePage title="Billing is for owners and admins">
      The plan, seats and invoices of this workspace are shown to its owners and admins. Ask an
      owner if you need something changed.
    </NoticePage>
  );
}
