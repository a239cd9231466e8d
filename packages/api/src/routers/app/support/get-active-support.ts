import { activeSupportGrants } from "@atlas/core/services/platform/support-access";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetActiveSupportOutput } from "./get-active-support.schema.ts";

/** Every member: the support grants open right now (the banner says who, and until when). */
export const getActiveSupport = workspaceProcedure
  .output(ZGetActiveSupportOutput)
  .query(({ ctx }) => activeSupportGrants(ctx.db, ctx.workspace.id));
