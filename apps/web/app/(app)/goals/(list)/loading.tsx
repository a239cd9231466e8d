import { PageSkeleton } from "~/components/page-skeleton.tsx";

export default function GoalsLoading() {
  return (
    <PageSkeleton
      title="Goals"
      blocks={[{ className: "grid gap-4 sm:grid-cols-2", blocks: ["h-36", "h-36"] }, "h-96"]}
    />
  );
}
