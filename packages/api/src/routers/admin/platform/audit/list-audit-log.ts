import { listAuditLog as list } from "@atlas/core/services/platform/audit-log";
import { platformProcedure } from "../../../../trpc.ts";
import { ZListAuditLogInput, ZListAuditLogOutput } from "./list-audit-log.schema.ts";

/** Staff: the audit log, newest first, filtered by workspace, actor, action and time. */
export const listAuditLog = platformProcedure
  .input(ZListAuditLogInput)
  .output(ZListAuditLogOutput)
  .query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return list(
      { userId: ctx.session.userId, source: ctx.source },
      { filter, cursor, limit },
      { db: ctx.bypassDb },
    );
  });
