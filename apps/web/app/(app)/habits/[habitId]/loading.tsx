import { PageSkeleton } from "~/components/page-skeleton.tsx";

export default function HabitLoading() {
  return (
    <PageSkeleton
      blocks={[
        { className: "grid grid-cols-3 gap-4", blocks: ["h-24", "h-24", "h-24"] },
        "h-56",
        { className: "grid gap-6 lg:grid-cols-2", blocks: ["h-80", "h-80"] },
      ]}
    />
  );
}
