import { PageSkeleton } from "~/components/page-skeleton.tsx";

export default function TaskLoading() {
  return <PageSkeleton blocks={["h-40", "h-96"]} />;
}
