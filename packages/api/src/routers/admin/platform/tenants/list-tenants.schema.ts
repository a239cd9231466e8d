import type { listTenants } from "@atlas/core/services/platform/tenants";
import { z } from "zod";
import { ZId, ZInstantOutput, type ServiceOutput } from "../../../../schemas.ts";

export const ZListTenantsInput = z.object({
  cursor: ZId.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const ZListTenantsOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      slug: z.string(),
      planKey: z.string(),
      planName: z.string(),
      seats: z.number().int(),
      activeMembers: z.number().int(),
      lastActivityAt: ZInstantOutput.nullable(),
      billing: z.enum([
        "trialing",
        "active",
        "past_due",
        "canceled",
        "incomplete",
        "incomplete_expired",
        "unpaid",
        "paused",
        "free",
      ]),
      supportAccessEnabled: z.boolean(),
      createdAt: ZInstantOutput,
    }),
  ),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<ServiceOutput<typeof listTenants>>;
