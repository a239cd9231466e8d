import { Skeleton } from "@atlas/ui";

export default function HabitsLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <h1 className="text-2xl font-semibold tracking-tight">Habits</h1>
      <Skeleton className="h-64" />
      <Skeleton className="h-96" />
    </div>
  );
}
