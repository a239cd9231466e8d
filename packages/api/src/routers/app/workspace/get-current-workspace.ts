import { can } from "@atlas/core";
import { dunningTimeline } from "@atlas/core/billing/dunning-timeline";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetCurrentWorkspaceOutput } from "./get-current-workspace.schema.ts";

/**
 * The workspace of this request (route parameter or session) and the caller's role in it; for
 * owners and admins also the dunning ladder (docs/domain.md "Billing page"), from the member
 * check's own row: no extra query.
 */
export const getCurrentWorkspace = workspaceProcedure
  .output(ZGetCurrentWorkspaceOutput)
  .query(({ ctx }) => ({
    id: ctx.workspace.id,
    name: ctx.workspace.name,
    slug: ctx.workspace.slug,
    role: ctx.membership.role,
    dunning: can("seeBilling", { role: ctx.membership.role, sharesProgress: false })
      ? dunningTimeline(
          { status: ctx.workspace.billingStatus, pastDueSince: ctx.workspace.pastDueSince },
          ctx.clock.now(),
        )
      : null,
  }));
