/** The admin console's router (apps/admin serves it at its own /api/trpc). */
import type { TRPCRouterRecord } from "@trpc/server";
import { listWeekSummaries } from "./routers/admin/week/list-week-summaries.ts";
import { listAuditLog } from "./routers/admin/platform/audit/list-audit-log.ts";
import { breakGlass } from "./routers/admin/platform/support/break-glass.ts";
import { getSupportMembers } from "./routers/admin/platform/support/get-support-members.ts";
import { listMyGrants } from "./routers/admin/platform/support/list-my-grants.ts";
import { requestSupportAccess } from "./routers/admin/platform/support/request-support-access.ts";
import { listTenants } from "./routers/admin/platform/tenants/list-tenants.ts";
import { clearMemberStatus } from "./routers/admin/portfolio/clear-member-status.ts";
import { listPortfolio } from "./routers/admin/portfolio/list-portfolio.ts";
import { setMemberStatus } from "./routers/admin/portfolio/set-member-status.ts";
import { createTRPCRouter } from "./trpc.ts";

const portfolioRouter = {
  list: listPortfolio,
  setStatus: setMemberStatus,
  clearStatus: clearMemberStatus,
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
