import { Skeleton } from "@atlas/ui";

export default function TasksLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <h1 className="text-2xl font-semibold tracking-tight">Tasks</h1>
      <Skeleton className="h-44 lg:h-24" />
      <Skeleton className="h-80" />
    </div>
  );
}
