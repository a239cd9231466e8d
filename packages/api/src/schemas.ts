/** Zod pieces shared by several procedure schemas. */
import { ROLES } from "@atlas/core";
import { z } from "zod";

export const ZRole = z.enum(ROLES);

/** A calendar date "YYYY-MM-DD" in output (a user's local date). */
export const ZLocalDateOutput = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An id as it arrives from a client (UUIDv7 text in this schema; kept loose but bounded). */
export const ZId = z.string().min(1).max(100);

/** An update must change something. */
export const atLeastOneField = {
  message: "Nothing to update: pass at least one field.",
  check: (value: object) => Object.values(value).some((v) => v !== undefined),
};
