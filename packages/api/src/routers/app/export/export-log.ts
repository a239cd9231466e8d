import { actorOf } from "@atlas/core/services/access/access";
import { exportLogPage } from "@atlas/core/services/log/export";
import { allowedTo, entitled, workspaceProcedure } from "../../../trpc.ts";
import { ZExportLogInput, ZExportLogOutput } from "./export-log.schema.ts";

/**
 * One page of the workspace's execution log, oldest first (docs/domain.md "Data export"): owners
 * and admins, on a plan with data export (402 otherwise). Reads are never blocked by dunning.
 * The first page is audited as the start of an export.
 */
export const exportLog = workspaceProcedure
  .use(allowedTo("exportData"))
  .use(entitled("data_export"))
  .input(ZExportLogInput)
  .output(ZExportLogOutput)
  .query(({ ctx, input }) =>
    exportLogPage(
      ctx.db,
      actorOf(ctx),
      { cursor: input.cursor, limit: input.limit },
      ctx.clock.now(),
    ),
  );
