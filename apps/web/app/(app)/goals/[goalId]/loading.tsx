import { PageSkeleton } from "~/components/page-skeleton.tsx";

export default function GoalLoading() {
  return <PageSkeleton blocks={["h-24", "h-64", "h-96"]} />;
}
