"use client";

import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  NativeSelect,
  ScrollRegion,
} from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "~/components/confirm-button.tsx";
import { useAction, usePages } from "~/lib/api.ts";
import { describeError } from "~/lib/errors.ts";
import { ROLE_LABEL, type Role } from "~/lib/roles.ts";
import { ActionMessageLine, type ActionMessage } from "~/lib/use-keyed-action.tsx";

export interface MemberRow {
  id: string;
  name: string;
  email: string | null;
  role: Role;
}

/** Who the viewer may give which role, and whom they may touch (docs/domain.md "Members and invitations"). */
function grantableRoles(viewer: Role): Role[] {
  return viewer === "owner" ? ["owner", "admin", "coach", "member"] : ["coach", "member"];
}

function mayManage(viewer: Role, target: Role) {
  return viewer === "owner" || (viewer === "admin" && (target === "coach" || target === "member"));
}

/** A failed call in words. */
function failure(error: unknown): ActionMessage {
  const { form, fields } = describeError(error as Parameters<typeof describeError>[0]);
  return { tone: "error", text: form ?? Object.values(fields)[0]?.[0] ?? "That did not work." };
}

/**
 * The roster, 50 at a time ("Show more"). Owners and admins change roles and remove members
 * (behind a confirmation); everyone else reads it.
 */
export function MembersCard({
  workspaceName,
  viewer,
  initial,
}: {
  workspaceName: string;
  viewer: { userId: string; role: Role; canManage: boolean };
  initial: { items: MemberRow[]; nextCursor: string | null };
}) {
  const router = useRouter();
  const pages = usePages(initial, (api, cursor) =>
    api.workspace.members.query({ cursor, limit: 50 }),
  );
  const members = pages.items;
  const setMembers = (change: (shown: MemberRow[]) => MemberRow[]) =>
    pages.update((shown) => ({ ...shown, items: change(shown.items) }));
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const changeRole = useAction((api) => api.workspace.changeRole.mutate);
  const remove = useAction((api) => api.workspace.removeMember.mutate);

  const fail = (error: unknown) => setMessage(failure(error));

  async function setRole(member: MemberRow, role: Role) {
    setMessage(null);
    try {
      const updated = await changeRole.send({ userId: member.id, role });
      setMembers((shown) =>
        shown.map((m) => (m.id === member.id ? { ...m, role: updated.role } : m)),
      );
      setMessage({
        tone: "done",
        text: `${member.name} is now ${ROLE_LABEL[updated.role].toLowerCase()}.`,
      });
      // One's own role changes what the page offers.
      if (member.id === viewer.userId) router.refresh();
    } catch (error) {
      fail(error);
    }
  }

  async function removeMember(member: MemberRow) {
    setMessage(null);
    try {
      await remove.send({ userId: member.id });
      setMembers((shown) => shown.filter((m) => m.id !== member.id));
      setMessage({ tone: "done", text: `${member.name} was removed from ${workspaceName}.` });
    } catch (error) {
      fail(error);
    }
  }

  const roles = grantableRoles(viewer.role);
  const isPending = changeRole.isPending || remove.isPending;

  return (
    <Card aria-labelledby="members-title">
      <CardHeader>
        <CardTitle id="members-title">Members</CardTitle>
        <CardDescription>
          {members.length}
          {pages.hasMore ? "+" : ""} {members.length === 1 ? "person" : "people"} in {workspaceName}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <ScrollRegion label={`Members of ${workspaceName}`}>
          <table className="w-full text-left text-sm">
            <thead className="text-muted-foreground">
              <tr className="border-b border-border">
                <th scope="col" className="py-2 pr-4 font-medium">
                  Name
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Email
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Role
                </th>
                {viewer.canManage ? (
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const editable = viewer.canManage && mayManage(viewer.role, member.role);
                return (
                  <tr key={member.id} className="border-b border-border last:border-0">
                    <td className="py-2 pr-4 font-medium">{member.name}</td>
                    <td className="py-2 pr-4 text-muted-foreground">
                      {member.email ?? (
                        <>
                          <span aria-hidden>—</span>
                          <span className="sr-only">not shared</span>
                        </>
                      )}
                    </td>
                    <td className="py-2 pr-4">
                      {editable ? (
                        <NativeSelect
                          aria-label={`Role of ${member.name}`}
                          value={member.role}
                          disabled={isPending}
                          onChange={(event) => void setRole(member, event.target.value as Role)}
                          options={roles.map((role) => ({ value: role, label: ROLE_LABEL[role] }))}
                        />
                      ) : (
                        ROLE_LABEL[member.role]
                      )}
                    </td>
                    {viewer.canManage ? (
                      <td className="py-2">
                        {editable && member.id !== viewer.userId ? (
                          <ConfirmButton
                            size="sm"
                            aria-disabled={isPending}
                            title={`Remove ${member.name}?`}
                            description={`They lose access to ${workspaceName}. Their plans, log and history stay, and an invitation brings them back.`}
                            confirmLabel={`Yes, remove ${member.name}`}
                            onConfirm={() => void removeMember(member)}
                          >
                            Remove<span className="sr-only"> {member.name}</span>
                          </ConfirmButton>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
        {pages.hasMore ? (
          <div>
            <Button
              type="button"
              variant="outline"
              disabled={pages.isLoading}
              onClick={() => void pages.more()}
            >
              {pages.isLoading ? "Loading…" : "Show more"}
            </Button>
          </div>
        ) : null}
        <ActionMessageLine message={pages.error ? failure(pages.error) : message} />
      </CardContent>
    </Card>
  );
}
