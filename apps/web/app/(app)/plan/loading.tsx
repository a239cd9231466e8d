import { PageSkeleton } from "~/components/page-skeleton.tsx";

export default function PlanLoading() {
  return <PageSkeleton title="Plan my week" subtitleWidth="w-96" blocks={["h-96"]} />;
}
