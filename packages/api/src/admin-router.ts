/** The admin console's router (apps/admin serves it at its own /api/trpc). */
import type { TRPCRouterRecord } from "@trpc/server";
import { listPortfolioWorkspaces } from "./routers/admin/portfolio/list-portfolio-workspaces.ts";
import { listWeekSummaries } from "./routers/admin/week/list-week-summaries.ts";
import { createTRPCRouter } from "./trpc.ts";

const portfolioRouter = {
  workspaces: listPortfolioWorkspaces,
} satisfies TRPCRouterRecord;

const weekRouter = {
  list: listWeekSummaries,
} satisfies TRPCRouterRecord;

export const adminRouter = createTRPCRouter({
  portfolio: portfolioRouter,
  week: weekRouter,
});

export type AdminRouter = typeof adminRouter;
