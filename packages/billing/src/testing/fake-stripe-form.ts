/**
 * Stripe's request encoding, read back: `application/x-www-form-urlencoded` (or a query string)
 * with bracket notation for nesting — `metadata[workspaceId]=w1`, `line_items[0][price]=price_x`,
 * `expand[]=latest_invoice` / `expand[0]=latest_invoice` — into nested objects and arrays.
 * Values stay strings: each endpoint's zod schema coerces them, as Stripe's own parser does.
 */

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

/** A key the bracket notation cannot place (`a[`, `a]b`, or a value both list and object). */
export class FormEncodingError extends Error {
  override name = "FormEncodingError";
  constructor(readonly param: string) {
    super(`Invalid request parameter encoding: ${param}`);
  }
}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

function segmentsOf(key: string): string[] {
  const match = KEY.exec(key);
  if (!match) throw new FormEncodingError(key);
  return [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
}

const isIndex = (segment: string) => segment === "" || /^\d+$/.test(segment);

function place(
  container: FormObject | FormValue[],
  segments: string[],
  value: string,
  key: string,
) {
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(container)) {
    if (!isIndex(head)) throw new FormEncodingError(key);
    const index = head === "" ? container.length : Number(head);
    if (index > container.length) throw new FormEncodingError(key); // no holes
    if (rest.length === 0) {
      container[index] = value;
      return;
    }
    container[index] ??= isIndex(rest[0]!) ? [] : {};
    const child = container[index];
    if (typeof child === "string") throw new FormEncodingError(key);
    place(child, rest, value, key);
    return;
  }
  if (head === "" || Object.hasOwn(Object.prototype, head)) throw new FormEncodingError(key);
  if (rest.length === 0) {
    if (head in container && typeof container[head] !== "string") throw new FormEncodingError(key);
    container[head] = value;
    return;
  }
  container[head] ??= isIndex(rest[0]!) ? [] : {};
  const child = container[head];
  if (typeof child === "string" || Array.isArray(child) !== isIndex(rest[0]!)) {
    throw new FormEncodingError(key);
  }
  place(child, rest, value, key);
}

/** Parses a form body or query string (without the leading `?`) in Stripe's bracket notation. */
export function parseStripeForm(text: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(text)) place(root, segmentsOf(key), value, key);
  return root;
}
