import type { AtlasErrorData } from "@atlas/api/errors";

type Fields = Record<string, string[] | undefined>;

/**
 * What a failed tRPC call reports: per-field messages (zod, from the API; or a service's refusal
 * that names its `field` in the details) and the rest.
 */
export function describeError(
  error: { message: string; data?: Partial<AtlasErrorData> | null } | null,
): { fields: Fields; form: string | null } {
  if (!error) return { fields: {}, form: null };
  const zod = error.data?.zodError;
  if (zod) {
    const fields = zod.fieldErrors ?? {};
    const form = zod.formErrors.length > 0 ? zod.formErrors.join(" ") : null;
    return { fields, form: form ?? (Object.keys(fields).length > 0 ? null : error.message) };
  }
  const field = error.data?.details?.field;
  if (typeof field === "string") return { fields: { [field]: [error.message] }, form: null };
  return { fields: {}, form: error.message };
}

export function firstError(fields: Fields, name: string): string | null {
  return fields[name]?.[0] ?? null;
}
