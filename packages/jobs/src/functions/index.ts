import { createDayCloseFunctions } from "./day-close.ts";

const dayClose = createDayCloseFunctions();

/** Every Inngest function Atlas serves. */
export const functions = [dayClose.dayCloseCron, dayClose.dayCloseWorkspace];
