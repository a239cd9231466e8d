import { PageSkeleton } from "~/components/page-skeleton.tsx";

export default function BillingLoading() {
  return (
    <PageSkeleton title="Billing" subtitleWidth="w-40" blocks={["h-72", "h-64", "h-96", "h-48"]} />
  );
}
