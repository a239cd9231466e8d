import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@atlas/ui";
import type { FormEvent, ReactNode } from "react";

/**
 * A settings form on its card: the title and description, the form's fields, then the submit
 * button with the outcome beside it (the form-level error, or what was saved).
 */
export function SettingsCard({
  id,
  title,
  description,
  submitLabel,
  isPending,
  error,
  saved,
  onSubmit,
  onFocus,
  children,
}: {
  /** The form's `useId()`; the title is `${id}-title`. */
  id: string;
  title: ReactNode;
  description: ReactNode;
  submitLabel: string;
  isPending: boolean;
  /** What failed beyond any one field (`describeError(...).form`). */
  error: string | null;
  /** The confirmation once saved, else null. */
  saved: ReactNode;
  onSubmit: () => void;
  /** The form's first focus (useSchemaCheck's `preload`). */
  onFocus?: (() => void) | undefined;
  children: ReactNode;
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardHeader>
        <CardTitle id={`${id}-title`}>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <form noValidate onSubmit={submit} onFocus={onFocus} className="flex flex-col gap-4">
          {children}
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={isPending}>
              {isPending ? "Saving…" : submitLabel}
            </Button>
            <p aria-live="polite" className="text-sm">
              {error ? <span className="text-danger">{error}</span> : null}
              {saved ? <span className="text-success">{saved}</span> : null}
            </p>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
