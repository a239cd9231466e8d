import type { RouterOutputs } from "@atlas/api";
import { RevokeGrant } from "./lazy.tsx";
import { LocalTime } from "./local-time.tsx";

type Grant = RouterOutputs["support"]["active"][number];

/**
 * While Atlas support can see the workspace, everyone in it is told who and until when
 * (docs/domain.md "Support access"); owners can end it here at once. Server text; the layout
 * renders it only while a grant is open.
 */
export function SupportBanner({
  workspaceId,
  grants,
  isOwner,
}: {
  workspaceId: string;
  grants: Grant[];
  isOwner: boolean;
}) {
  return (
    <div role="status" className="border-b border-warning/40 bg-warning/10">
      <ul className="mx-auto flex max-w-5xl flex-col gap-1 px-4 py-2 text-sm">
        {grants.map((grant) => (
          <li key={grant.id} className="flex flex-wrap items-center gap-3">
            <span>
              Atlas support ({grant.staff?.name || grant.staff?.email}) can{" "}
              {grant.scope === "write" ? "see and change" : "see"} this workspace until{" "}
              <LocalTime iso={grant.expiresAt!} />
              {grant.breakGlass ? " (break-glass)" : ""}.
            </span>
            {isOwner ? <RevokeGrant workspaceId={workspaceId} grantId={grant.id} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
