import { PageSkeleton, SUMMARY_CARDS } from "~/components/page-skeleton.tsx";

/** Today while it loads: the same blocks at the same heights, so nothing moves when it arrives. */
export default function TodayLoading() {
  return (
    <PageSkeleton
      title="Today"
      subtitleWidth="w-56"
      blocks={[
        SUMMARY_CARDS,
        { className: "flex flex-col gap-3", blocks: ["h-7 w-24", "h-28", "h-28", "h-28"] },
      ]}
    />
  );
}
