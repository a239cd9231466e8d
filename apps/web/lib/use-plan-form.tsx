"use client";

import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type ReactNode } from "react";
import { useAction, type api } from "~/lib/api.ts";
import type { FormSchemaName } from "~/lib/form-schemas.ts";
import { useSchemaCheck } from "~/lib/use-schema-check.ts";
import { useIdempotencyKey } from "@atlas/ui/use-idempotency-key";

type Api = Awaited<ReturnType<typeof api>>;

/**
 * The machinery of a plan's form (habit, goal, task): one form that creates ("New …") or, given
 * `update`, edits what exists. It holds the draft, sends the create with an idempotency key (a
 * retry after a failure reuses it) or the update, shows what was saved ("Created <link>." or
 * `updated`), and refreshes the page's server data. Before sending, the input is checked with the
 * API's own schema (`schemas`, useSchemaCheck): its problems show all at once and nothing is sent.
 * `fields` has the per-field messages (the client's, else the server's), and `card` (SettingsCard's
 * props) the rest.
 */
export function usePlanForm<
  Draft,
  Created extends { id: string; title: string },
  CreateInput extends { idempotencyKey: string },
  Updated,
  UpdateInput,
>({
  empty,
  initial,
  procedures,
  schemas,
  create,
  update,
  href,
  updated = "Saved.",
}: {
  /** The draft of a new plan, and again after each create. */
  empty: Draft;
  initial: Draft;
  /** The create and update procedures, named on the API client. */
  procedures: {
    create: (api: Api) => (input: CreateInput) => Promise<Created>;
    update: (api: Api) => (input: UpdateInput) => Promise<Updated>;
  };
  /** The procedures' names in the form schemas (lib/form-schemas.ts). */
  schemas: { create: FormSchemaName; update: FormSchemaName };
  /** The create's input, but for its idempotency key. */
  create: (draft: Draft) => Omit<CreateInput, "idempotencyKey">;
  /** Present when editing: the update's input (what changed). */
  update?: ((draft: Draft) => UpdateInput) | undefined;
  /** Where a created plan lives, for the "Created" link. */
  href: (created: Created) => Route<`/${"goals" | "habits" | "tasks"}/${string}`>;
  /** The confirmation of an update. */
  updated?: ReactNode;
}) {
  const router = useRouter();
  const id = useId();
  const [, startRefresh] = useTransition();
  const idempotency = useIdempotencyKey();
  const [draft, setDraft] = useState<Draft>(initial);
  const [saved, setSaved] = useState<ReactNode>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const createAction = useAction(procedures.create);
  const updateAction = useAction(procedures.update);
  const action = update ? updateAction : createAction;
  const check = useSchemaCheck(update ? schemas.update : schemas.create);
  const { fields, form } = check.shown(action.error);

  async function submit() {
    setSaved(null);
    try {
      if (!update) {
        const body = create(draft);
        // The body with its key is the create's input (the key is the one field `create` leaves out).
        const input = { idempotencyKey: idempotency.keyFor(body), ...body } as CreateInput;
        if (!(await check.passes(input))) return;
        const created = await createAction.send(input);
        idempotency.reset();
        setDraft(empty);
        setSaved(
          <>
            Created{" "}
            <Link href={href(created)} className="font-medium underline">
              {created.title}
            </Link>
            .
          </>,
        );
      } else {
        const input = update(draft);
        if (!(await check.passes(input))) return;
        await updateAction.send(input);
        setSaved(updated);
      }
      startRefresh(() => router.refresh());
    } catch {
      // The error is on screen, next to its field.
    }
  }

  /** The SettingsCard's props that come from the form's state. */
  const card = {
    id,
    isPending: action.isPending,
    error: form,
    saved,
    onSubmit: submit,
    onFocus: check.preload,
  };
  return { id, draft, set, fields, card };
}
