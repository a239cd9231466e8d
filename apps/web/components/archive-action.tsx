import type { Route } from "next";
import { ArchiveButton } from "~/components/archive-button.tsx";

const NOUN = { habit: "habit", goal: "goal", task: "task" } as const;

const CONSEQUENCE = {
  habit: "It stops being due from today. Its log and history stay.",
  goal: "It leaves your goals list. Its habits and tasks stay.",
  task: "It stops being due from today and leaves your task list.",
} as const;

/**
 * "Archive habit/goal/task", behind a confirmation; then back to the list it belonged to. Its
 * words are written here, on the server; ArchiveButton is the client control.
 */
export function ArchiveAction({
  kind,
  id,
  title,
  after,
}: {
  kind: keyof typeof NOUN;
  id: string;
  title: string;
  /** Where to go once archived. */
  after: Route;
}) {
  return (
    <ArchiveButton
      kind={kind}
      id={id}
      after={after}
      label={`Archive ${NOUN[kind]}`}
      question={`Archive ${title}?`}
      consequence={CONSEQUENCE[kind]}
      confirmLabel={`Yes, archive ${NOUN[kind]}`}
    />
  );
}
