import { PERMISSIONS } from "../../../permissions.ts";
import { listPortfolioWorkspaces as listPortfolio } from "../../../services/portfolio.ts";
import { adminProcedure } from "../../../trpc.ts";
import { ZListPortfolioWorkspacesOutput } from "./list-portfolio-workspaces.schema.ts";

/** The workspaces the caller coaches, administers or owns, with their member counts. */
export const listPortfolioWorkspaces = adminProcedure
  .output(ZListPortfolioWorkspacesOutput)
  .query(({ ctx }) =>
    listPortfolio(ctx.db, ctx.baseDb, ctx.session.userId, PERMISSIONS.adminConsole.roles),
  );
