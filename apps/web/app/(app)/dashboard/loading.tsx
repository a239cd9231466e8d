import { PageSkeleton, SUMMARY_CARDS } from "~/components/page-skeleton.tsx";

export default function DashboardLoading() {
  return (
    <PageSkeleton
      title="Dashboard"
      subtitleWidth="w-48"
      blocks={[
        SUMMARY_CARDS,
        "h-80",
        { className: "grid gap-6 lg:grid-cols-2", blocks: ["h-96", "h-96"] },
      ]}
    />
  );
}
