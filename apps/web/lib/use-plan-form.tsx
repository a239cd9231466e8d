"use client";

import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type ReactNode } from "react";
import { describeError } from "~/lib/errors.ts";
import { useTRPC } from "~/lib/trpc/react.tsx";
import { useIdempotencyKey } from "@atlas/ui/use-idempotency-key";

type Failure = NonNullable<Parameters<typeof describeError>[0]>;
type TRPC = ReturnType<typeof useTRPC>;

/**
 * The machinery of a plan's form (habit, goal, task): one form that creates ("New …") or, given
 * `update`, edits what exists. It holds the draft, sends the create with an idempotency key (a
 * retry after a failure reuses it) or the update, shows what was saved ("Created <link>." or
 * `updated`), and refreshes the page's server data. A failure stays in the mutation's error:
 * `fields` has its per-field messages, and `card` (SettingsCard's props) the rest.
 */
export function usePlanForm<
  Draft,
  Created extends { id: string; title: string },
  CreateInput extends { idempotencyKey: string },
  CreateError extends Failure,
  CreateContext,
  Updated,
  UpdateInput,
  UpdateError extends Failure,
  UpdateContext,
>({
  empty,
  initial,
  mutations,
  create,
  update,
  href,
  updated = "Saved.",
}: {
  /** The draft of a new plan, and again after each create. */
  empty: Draft;
  initial: Draft;
  mutations: (trpc: TRPC) => {
    create: UseMutationOptions<Created, CreateError, CreateInput, CreateContext>;
    update: UseMutationOptions<Updated, UpdateError, UpdateInput, UpdateContext>;
  };
  /** The create's input, but for its idempotency key. */
  create: (draft: Draft) => Omit<CreateInput, "idempotencyKey">;
  /** Present when editing: the update's input (what changed). */
  update?: ((draft: Draft) => UpdateInput) | undefined;
  /** Where a created plan lives, for the "Created" link. */
  href: (created: Created) => Route<`/${"goals" | "habits" | "tasks"}/${string}`>;
  /** The confirmation of an update. */
  updated?: ReactNode;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [, startRefresh] = useTransition();
  const idempotency = useIdempotencyKey();
  const [draft, setDraft] = useState<Draft>(initial);
  const [saved, setSaved] = useState<ReactNode>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const options = mutations(trpc);
  const createMutation = useMutation(options.create);
  const updateMutation = useMutation(options.update);
  const mutation = update ? updateMutation : createMutation;
  const { fields, form } = describeError(mutation.error);

  async function submit() {
    setSaved(null);
    try {
      if (!update) {
        const body = create(draft);
        // The body with its key is the create's input (the key is the one field `create` leaves out).
        const created = await createMutation.mutateAsync({
          idempotencyKey: idempotency.keyFor(body),
          ...body,
        } as CreateInput);
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
        await updateMutation.mutateAsync(update(draft));
        setSaved(updated);
      }
      startRefresh(() => router.refresh());
    } catch {
      // The mutation's error is on screen, next to its field.
    }
  }

  /** The SettingsCard's props that come from the form's state. */
  const card = { id, isPending: mutation.isPending, error: form, saved, onSubmit: submit };
  return { id, draft, set, fields, card };
}
