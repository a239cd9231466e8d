import { listPortfolio as listPortfolioService } from "@atlas/core/services/workspaces/portfolio";
import { adminProcedure } from "../../../trpc.ts";
import { ZListPortfolioInput, ZListPortfolioOutput } from "./list-portfolio.schema.ts";

/**
 * Every member of every workspace the caller coaches, administers or owns, ranked by risk, with
 * the flags and their reasons (docs/domain.md "Coach risk"). Read through the console's client.
 */
export const listPortfolio = adminProcedure
  .input(ZListPortfolioInput)
  .output(ZListPortfolioOutput)
  .query(({ ctx, input }) =>
    listPortfolioService(
      ctx.consoleDb,
      { userId: ctx.session.userId, coached: ctx.coachedWorkspaces },
      input,
      ctx.clock.now(),
    ),
  );
