/** The admin console's router (apps/admin serves it at its own /api/trpc). */
import type { TRPCRouterRecord } from "@trpc/server";
import { listPortfolioWorkspaces } from "./routers/admin/portfolio/list-portfolio-workspaces.ts";
import { listWeekSummaries } from "./routers/admin/week/list-week-summaries.ts";
import { listAuditLog } from "./routers/admin/platform/audit/list-audit-log.ts";
import { breakGlass } from "./routers/admin/platform/support/break-glass.ts";
import { getSupportMembers } from "./routers/admin/platform/support/get-support-members.ts";
import { listMyGrants } from "./routers/admin/platform/support/list-my-grants.ts";
import { requestSupportAccess } from "./routers/admin/platform/support/request-support-access.ts";
import { listTenants } from "./routers/admin/platform/tenants/list-tenants.ts";
import { createTRPCRouter } from "./trpc.ts";

const portfolioRouter = {
  workspaces: listPortfolioWorkspaces,
} satisfies TRPCRouterRecord;

const weekRouter = {
  list: listWeekSummaries,
} satisfies TRPCRouterRecord;

/** Atlas staff only (platformProcedure); member data only under a support grant. */
const platformRouter = {
  tenants: { list: listTenants },
  audit: { list: listAuditLog },
  support: {
    request: requestSupportAccess,
    breakGlass,
    listMine: listMyGrants,
    members: getSupportMembers,
  },
} satisfies TRPCRouterRecord;

export const adminRouter = createTRPCRouter({
  portfolio: portfolioRouter,
  week: weekRouter,
  platform: platformRouter,
});

export type AdminRouter = typeof adminRouter;
