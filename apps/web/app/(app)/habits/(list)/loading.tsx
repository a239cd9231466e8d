import { PageSkeleton } from "~/components/page-skeleton.tsx";

export default function HabitsLoading() {
  return <PageSkeleton title="Habits" blocks={["h-64", "h-96"]} />;
}
