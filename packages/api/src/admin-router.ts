/** The admin console's router (apps/admin serves it at its own /api/trpc). */
import type { TRPCRouterRecord } from "@trpc/server";
import { clearMemberStatus } from "./routers/admin/portfolio/clear-member-status.ts";
import { listPortfolio } from "./routers/admin/portfolio/list-portfolio.ts";
import { setMemberStatus } from "./routers/admin/portfolio/set-member-status.ts";
import { createTRPCRouter } from "./trpc.ts";

const portfolioRouter = {
  list: listPortfolio,
  setStatus: setMemberStatus,
  clearStatus: clearMemberStatus,
} satisfies TRPCRouterRecord;

export const adminRouter = createTRPCRouter({
  portfolio: portfolioRouter,
});

export type AdminRouter = typeof adminRouter;
