import { getMe as readMe } from "@atlas/core/services/workspaces/workspaces";
import { authedProcedure } from "../../../trpc.ts";
import { ZGetMeOutput } from "./get-me.schema.ts";

/** Who is signed in: name and e-mail (no workspace needed). */
export const getMe = authedProcedure
  .output(ZGetMeOutput)
  .query(({ ctx }) => readMe(ctx.db, ctx.session.userId));
