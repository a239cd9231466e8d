/**
 * CSV as RFC 4180 writes it (docs/domain.md "Data export"): fields joined by commas, a field that
 * holds a comma, a quote or a line break quoted with its quotes doubled, lines ended by CRLF. A
 * text field that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return) is prefixed with an apostrophe, so an exported note cannot run in Excel.
 */

export type CsvField = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvField): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, CRLF included. */
export function csvLine(values: readonly CsvField[]): string {
  return `${values.map(field).join(",")}\r\n`;
}
