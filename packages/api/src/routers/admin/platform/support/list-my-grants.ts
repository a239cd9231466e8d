import { listMySupportGrants } from "@atlas/core/services/platform/support-access";
import { platformProcedure } from "../../../../trpc.ts";
import { ZListMyGrantsOutput } from "./list-my-grants.schema.ts";

/** Staff: their own grants (the latest 100), with which are active now. */
export const listMyGrants = platformProcedure.output(ZListMyGrantsOutput).query(({ ctx }) =>
  listMySupportGrants(
    ctx.baseDb,
    { userId: ctx.session.userId, source: ctx.source },
    {
      db: ctx.bypassDb,
    },
  ),
);
