import { getCapacity as readCapacity } from "@atlas/core/services/plans/capacity";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetCapacityOutput } from "./get-capacity.schema.ts";

/** The caller's own capacity in the current workspace. */
export const getCapacity = workspaceProcedure
  .output(ZGetCapacityOutput)
  .query(({ ctx }) => readCapacity(ctx.db, ctx.membership));
