import { NoticePage } from "~/components/notice-page.tsx";

/** HTTP 404 for an unknown habit, goal or task (or one in another workspace). */
export default function NotFound() {
  return (
    <NoticePage title="Not found">
      There is nothing here in this workspace. It may have been archived, or it belongs to another
      workspace.
    </NoticePage>
  );
}
