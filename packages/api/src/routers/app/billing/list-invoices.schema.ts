import type { listInvoices } from "@atlas/billing/portal/invoices";
import { z } from "zod";
import { ZInstantOutput, pageOf, type ServiceOutput } from "../../../schemas.ts";

export const ZListInvoicesInput = z
  .object({
    /** The last invoice id of the page before (Stripe's `starting_after`). */
    cursor: z
      .string()
      .max(100)
      .regex(/^in_\w+$/, { error: "The cursor is an invoice id (in_…)" })
      .optional(),
    limit: z.number().int().min(1).max(100).default(10),
  })
  .default({ limit: 10 });

export const ZListInvoicesOutput = pageOf(
  z.object({
    id: z.string(),
    number: z.string().nullable(),
    createdAt: ZInstantOutput,
    amountDueCents: z.number().int(),
    amountPaidCents: z.number().int(),
    currency: z.string(),
    status: z.enum(["draft", "open", "paid", "uncollectible", "void"]),
    hostedInvoiceUrl: z.url().nullable(),
    invoicePdfUrl: z.url().nullable(),
  }),
) satisfies z.ZodType<ServiceOutput<typeof listInvoices>>;
