import { listTenants as list } from "@atlas/core/services/platform/tenants";
import { platformProcedure } from "../../../../trpc.ts";
import { ZListTenantsInput, ZListTenantsOutput } from "./list-tenants.schema.ts";

/** Staff: every workspace with plan, seats, members, last activity and billing; no member data. */
export const listTenants = platformProcedure
  .input(ZListTenantsInput)
  .output(ZListTenantsOutput)
  .query(({ ctx, input }) =>
    list({ userId: ctx.session.userId, source: ctx.source }, input, { db: ctx.bypassDb }),
  );
