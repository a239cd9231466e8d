import { Skeleton } from "@atlas/ui";

/** Today while it loads: the same blocks at the same heights, so nothing moves when it arrives. */
export default function TodayLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Today</h1>
        <Skeleton className="mt-2 h-4 w-56" />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4">
        <Skeleton className="h-52 sm:h-48" />
        <Skeleton className="h-52 sm:h-48" />
        <Skeleton className="col-span-2 h-24 sm:col-span-1 sm:h-48" />
      </div>
      <div className="flex flex-col gap-3">
        <Skeleton className="h-7 w-24" />
        <Skeleton className="h-28" />
        <Skeleton className="h-28" />
        <Skeleton className="h-28" />
      </div>
    </div>
  );
}
