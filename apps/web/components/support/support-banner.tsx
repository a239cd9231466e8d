import type { RouterOutputs } from "@atlas/api";
import { getLocale } from "@atlas/next-app/server";
import { formatInstant } from "@atlas/ui/dates";
import { RevokeGrant } from "./lazy.tsx";

type Grant = RouterOutputs["support"]["active"][number];

/**
 * While Atlas support can see the workspace, everyone in it is told who and until when
 * (docs/domain.md "Support access"); owners can end it here at once. Server text, the time on
 * the reader's own clocks; the layout renders it only while a grant is open.
 */
export async function SupportBanner({
  workspaceId,
  grants,
  isOwner,
  timeZone,
}: {
  workspaceId: string;
  grants: Grant[];
  isOwner: boolean;
  timeZone: string;
}) {
  const locale = await getLocale();
  return (
    <div role="status" className="border-b border-warning/40 bg-warning/10">
      <ul className="mx-auto flex max-w-5xl flex-col gap-1 px-4 py-2 text-sm">
        {grants.map((grant) => (
          <li key={grant.id} className="flex flex-wrap items-center gap-3">
            <span>
              Atlas support ({grant.staff?.name || grant.staff?.email}) can{" "}
              {grant.scope === "write" ? "see and change" : "see"} this workspace until{" "}
              <time dateTime={grant.expiresAt!}>
                {formatInstant(grant.expiresAt!, "time", locale, timeZone)}
              </time>
              {grant.breakGlass ? " (break-glass)" : ""}.
            </span>
            {isOwner ? <RevokeGrant workspaceId={workspaceId} grantId={grant.id} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
