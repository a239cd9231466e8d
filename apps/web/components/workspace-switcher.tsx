"use client";

import {
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { switchWorkspace } from "~/app/actions.ts";
import { ROLE_LABEL, type Role } from "~/lib/roles.ts";

export interface SwitcherWorkspace {
  id: string;
  name: string;
  role: Role;
}

/** The dev sign-in's workspace switcher (with Clerk, OrganizationSwitcher takes its place). */
export function WorkspaceSwitcher({
  workspaces,
  activeId,
}: {
  workspaces: SwitcherWorkspace[];
  activeId: string | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const active = workspaces.find((workspace) => workspace.id === activeId);

  function choose(workspaceId: string) {
    if (workspaceId === activeId) return;
    setError(null);
    startTransition(async () => {
      const result = await switchWorkspace(workspaceId);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      router.refresh();
    });
  }

  return (
    <div className="flex items-center gap-2">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" disabled={pending}>
            <span className="sr-only">Workspace: </span>
            <span className="max-w-48 truncate">{active?.name ?? "Choose a workspace"}</span>
            <span aria-hidden className="text-muted-foreground">
              ▾
            </span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuRadioGroup value={activeId ?? ""} onValueChange={choose}>
            {workspaces.map((workspace) => (
              <DropdownMenuRadioItem key={workspace.id} value={workspace.id}>
                <span className="flex-1 truncate">{workspace.name}</span>
                <span className="text-xs text-muted-foreground">{ROLE_LABEL[workspace.role]}</span>
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        </DropdownMenuContent>
      </DropdownMenu>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
