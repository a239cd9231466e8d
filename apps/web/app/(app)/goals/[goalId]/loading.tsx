import { Skeleton } from "@atlas/ui";

export default function GoalLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <Skeleton className="h-4 w-20" />
      <Skeleton className="h-9 w-64" />
      <Skeleton className="h-24" />
      <Skeleton className="h-64" />
      <Skeleton className="h-96" />
    </div>
  );
}
