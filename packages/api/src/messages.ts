/**
 * Words for what a schema refuses (docs/domain.md "Bounds"). Every input a form sends carries its
 * own message naming the field as the form labels it (the helpers in schemas.ts); `z.config`
 * below words whatever is left (a wrong type sent by another client, an unknown option) so no
 * default zod message ("Invalid input: expected …", "Too big: …") reaches anyone. Importing any
 * schema imports this module, on the server and in the browser alike.
 */
import { z } from "zod";

/** A number as a person reads it: 1,440 and 1,000,000, not 1440 and 1e6. */
export function formatNumber(value: number | bigint): string {
  return value.toLocaleString("en-US");
}

const TYPE_WORDS: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "yes or no",
  date: "a date",
  array: "a list",
  object: "a set of fields",
};

/** The message of an issue no schema worded. */
export function leftoverMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "This field is required";
      return `This must be ${TYPE_WORDS[issue.expected] ?? "something else"}`;
    case "too_big": {
      const max = formatNumber(issue.maximum);
      if (issue.origin === "string") return `This must be at most ${max} characters`;
      if (issue.origin === "array" || issue.origin === "set") {
        return `This must have at most ${max} items`;
      }
      return issue.inclusive === false
        ? `This must be less than ${max}`
        : `This must be at most ${max}`;
    }
    case "too_small": {
      const min = formatNumber(issue.minimum);
      if (issue.origin === "string") {
        return issue.minimum === 1
          ? "This must not be empty"
          : `This must be at least ${min} characters`;
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return `This must have at least ${min} item${issue.minimum === 1 ? "" : "s"}`;
      }
      return issue.inclusive === false
        ? `This must be more than ${min}`
        : `This must be at least ${min}`;
    }
    case "invalid_format":
      if (issue.format === "email") return "Enter an e-mail address, like name@example.com";
      if (issue.format === "datetime") return "Enter a date and time, like 2026-03-10T08:15:00Z";
      return "This is not written in the form this field takes";
    case "not_multiple_of":
      return `This must be a multiple of ${formatNumber(issue.divisor)}`;
    case "unrecognized_keys":
      return `Unknown field${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.join(", ")}`;
    case "invalid_value":
    case "invalid_union":
      return "Choose one of the options offered";
    default:
      return "This value is not allowed here";
  }
}

z.config({ customError: leftoverMessage });
