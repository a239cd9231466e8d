import { PageSkeleton } from "~/components/page-skeleton.tsx";

export default function TasksLoading() {
  return <PageSkeleton title="Tasks" blocks={["h-44 lg:h-24", "h-80"]} />;
}
