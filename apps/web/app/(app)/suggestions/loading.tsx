import { PageSkeleton } from "~/components/page-skeleton.tsx";

export default function SuggestionsLoading() {
  return <PageSkeleton title="Suggestions" blocks={["h-32", "h-32", "h-32"]} />;
}
