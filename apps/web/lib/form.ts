/** Form text to what the API takes: blank optional fields are left out, the rest sent as typed. */

/** A number box: blank → undefined (the API's default applies); anything else as typed (NaN too, so the API names the problem). */
export function optionalNumber(text: string): number | undefined {
  return text.trim() === "" ? undefined : Number(text);
}

/** A required number box: blank → NaN, which the API refuses with its own message. */
export function requiredNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** A date or select that may be empty: blank → null (none). */
export function nullable(text: string): string | null {
  return text.trim() === "" ? null : text;
}
