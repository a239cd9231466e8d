import { can } from "@atlas/core";
import { listApprovalQueue as list } from "@atlas/core/services/ai/review";
import { adminProcedure } from "../../../trpc.ts";
import { ZListApprovalQueueInput, ZListApprovalQueueOutput } from "./list-approval-queue.schema.ts";

/**
 * The AI suggestions waiting for a coach in every workspace the caller may approve them in whose
 * plan has the approval queue (PAYMENT_REQUIRED naming the plan that has it when none does), each
 * with the diff of what it would change. Read through the console's client.
 */
export const listApprovalQueue = adminProcedure
  .input(ZListApprovalQueueInput)
  .output(ZListApprovalQueueOutput)
  .query(({ ctx, input }) =>
    list(
      ctx.consoleDb,
      ctx.coachedWorkspaces
        .filter((w) => can("approveSuggestions", { role: w.role, sharesProgress: false }))
        .map((w) => w.workspaceId),
      input,
    ),
  );
