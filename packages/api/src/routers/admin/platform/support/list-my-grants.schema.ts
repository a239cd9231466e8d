import type { listMySupportGrants } from "@atlas/core/services/platform/support-access";
import { z } from "zod";
import { ZSupportGrant, type ServiceOutput } from "../../../../schemas.ts";

export const ZListMyGrantsOutput = z.array(ZSupportGrant) satisfies z.ZodType<
  ServiceOutput<typeof listMySupportGrants>
>;
