"use client";

import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Field,
  Input,
  NativeSelect,
  fieldControlProps,
} from "@atlas/ui";
import { useId, useState, type FormEvent } from "react";
import { useAction, usePages } from "~/lib/api.ts";
import { describeError, firstError } from "~/lib/errors.ts";
import { ROLE_LABEL, type Role } from "~/lib/roles.ts";
import { ActionMessageLine, type ActionMessage } from "~/lib/use-keyed-action.tsx";
import { useSchemaCheck } from "~/lib/use-schema-check.ts";
import { formatInstant } from "@atlas/ui/dates";
import { useLocale } from "@atlas/ui/locale";

type InvitableRole = Exclude<Role, "owner">;

export interface InvitationRow {
  id: string;
  email: string;
  role: InvitableRole;
  expiresAt: Date;
  isExpired: boolean;
}

/**
 * Owners and admins invite by e-mail (only owners invite admins). Without Clerk the API hands back
 * the link to pass on; with Clerk the invitation goes out by e-mail. Open invitations can be
 * revoked.
 */
export function InvitationsCard({
  viewerRole,
  initial,
}: {
  viewerRole: Role;
  initial: { items: InvitationRow[]; nextCursor: string | null };
}) {
  const locale = useLocale();
  const id = useId();
  const roles: InvitableRole[] =
    viewerRole === "owner" ? ["member", "coach", "admin"] : ["member", "coach"];
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<InvitableRole>("member");
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const pages = usePages(initial, (api, cursor) =>
    api.workspace.invitations.query({ cursor, limit: 50 }),
  );
  const invitations = pages.items;
  const setInvitations = (change: (open: typeof invitations) => typeof invitations) =>
    pages.update((shown) => ({ ...shown, items: change(shown.items) }));
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const invite = useAction((api) => api.workspace.invite.mutate);
  const revoke = useAction((api) => api.workspace.revokeInvitation.mutate);
  const check = useSchemaCheck("workspace.invite");
  const { fields, form } = check.shown(invite.error);
  const emailError = firstError(fields, "email");
  const roleError = firstError(fields, "role");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLink(null);
    setCopied(false);
    setMessage(null);
    if (!(await check.passes({ email, role }))) return;
    try {
      const { invitation, token } = await invite.send({ email, role });
      setInvitations((open) => [
        ...open.filter((i) => i.id !== invitation.id),
        { ...invitation, isExpired: false },
      ]);
      if (token !== null) {
        setLink({ email: invitation.email, url: `${window.location.origin}/invite/${token}` });
      } else {
        setMessage({ tone: "done", text: `Invitation e-mailed to ${invitation.email}.` });
      }
      setEmail("");
    } catch {
      // Shown from invite.error.
    }
  }

  async function revokeOne(invitation: InvitationRow) {
    setMessage(null);
    try {
      await revoke.send({ invitationId: invitation.id });
      setInvitations((open) => open.filter((i) => i.id !== invitation.id));
      if (link?.email === invitation.email) setLink(null);
      setMessage({ tone: "done", text: `The invitation to ${invitation.email} was revoked.` });
    } catch (error) {
      const described = describeError(error as Parameters<typeof describeError>[0]);
      setMessage({ tone: "error", text: described.form ?? "The invitation could not be revoked." });
    }
  }

  async function copy(url: string) {
    await navigator.clipboard.writeText(url);
    setCopied(true);
  }

  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardHeader>
        <CardTitle id={`${id}-title`}>Invitations</CardTitle>
        <CardDescription>
          Invite someone by e-mail. An invitation lasts 7 days; inviting the same address again
          replaces its link.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <form
          noValidate
          onSubmit={(event) => void submit(event)}
          onFocus={check.preload}
          className="flex flex-col gap-4"
        >
          <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
            <Field id={`${id}-email`} label="E-mail address" error={emailError}>
              <Input
                {...fieldControlProps(`${id}-email`, { error: emailError })}
                type="email"
                autoComplete="off"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </Field>
            <Field id={`${id}-role`} label="Role" error={roleError}>
              <NativeSelect
                {...fieldControlProps(`${id}-role`, { error: roleError })}
                value={role}
                onChange={(event) => setRole(event.target.value as InvitableRole)}
                options={roles.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
              />
            </Field>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={invite.isPending}>
              {invite.isPending ? "Inviting…" : "Invite"}
            </Button>
            {form ? (
              <p role="alert" className="text-sm text-danger">
                {form}
              </p>
            ) : null}
          </div>
        </form>

        {link ? (
          <div className="flex flex-col gap-2 rounded-md border border-border p-3" role="status">
            <p className="text-sm">
              Send this link to <strong className="font-semibold">{link.email}</strong>. It works
              once, for that address, for 7 days.
            </p>
            <div className="flex flex-wrap items-center gap-2">
              <Input
                aria-label="Invitation link"
                readOnly
                value={link.url}
                className="min-w-0 flex-1 font-mono text-xs"
                onFocus={(event) => event.target.select()}
              />
              <Button type="button" variant="outline" onClick={() => void copy(link.url)}>
                {copied ? "Copied" : "Copy link"}
              </Button>
            </div>
          </div>
        ) : null}

        <section aria-labelledby={`${id}-open`} className="flex flex-col gap-2">
          <h3 id={`${id}-open`} className="text-sm font-semibold">
            Open invitations
          </h3>
          {invitations.length === 0 ? (
            <p className="text-sm text-muted-foreground">No open invitations.</p>
          ) : (
            <ul className="divide-y divide-border">
              {invitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                  <span className="font-medium">{invitation.email}</span>
                  <span className="text-muted-foreground">{ROLE_LABEL[invitation.role]}</span>
                  {invitation.isExpired ? (
                    <Badge>Expired</Badge>
                  ) : (
                    <span className="text-muted-foreground">
                      until{" "}
                      {formatInstant(invitation.expiresAt.toISOString(), "date", locale, "UTC")}
                    </span>
                  )}
                  <Button
                    type="button"
                    variant="outline"
                    size="sm"
                    className="ml-auto"
                    disabled={revoke.isPending}
                    onClick={() => void revokeOne(invitation)}
                  >
                    Revoke<span className="sr-only"> the invitation to {invitation.email}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {pages.hasMore ? (
            <div>
              <Button
                type="button"
                variant="outline"
                disabled={pages.isLoading}
                onClick={() => void pages.more()}
              >
                Show more
              </Button>
            </div>
          ) : null}
          <ActionMessageLine
            message={
              pages.error
                ? {
                    tone: "error",
                    text:
                      describeError(pages.error).form ?? "More invitations could not be loaded.",
                  }
                : message
            }
          />
        </section>
      </CardContent>
    </Card>
  );
}
