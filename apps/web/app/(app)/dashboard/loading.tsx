import { Skeleton } from "@atlas/ui";

export default function DashboardLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <Skeleton className="mt-2 h-4 w-48" />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4">
        <Skeleton className="h-52 sm:h-48" />
        <Skeleton className="h-52 sm:h-48" />
        <Skeleton className="col-span-2 h-24 sm:col-span-1 sm:h-48" />
      </div>
      <Skeleton className="h-80" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-96" />
        <Skeleton className="h-96" />
      </div>
    </div>
  );
}
