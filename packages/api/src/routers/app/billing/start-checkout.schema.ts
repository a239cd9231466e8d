import { z } from "zod";
import { ZIdempotencyKey } from "../../../schemas.ts";
import { ZSoldPlan } from "./billing.schema.ts";

export const ZStartCheckoutInput = z.object({ plan: ZSoldPlan, idempotencyKey: ZIdempotencyKey });
