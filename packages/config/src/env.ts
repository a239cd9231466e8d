/** Reading environment variables the same way in every package. */

/** A source of variables: process.env, or a plain object in tests. */
export type Env = Record<string, string | undefined>;

/** The trimmed value of `name`; an empty value counts as unset (`FOO=` in a .env file). */
export function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Whether `name` has a value (see `read`). */
export function isSet(env: Env, name: string): boolean {
  return read(env, name) !== undefined;
}

/** A validation issue as t3-env reports it (Standard Schema): its path starts with the variable. */
export interface EnvIssue {
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** The variable an issue is about: the first segment of its path. */
export function variableOf(issue: EnvIssue): string {
  const first = issue.path?.[0];
  return String(typeof first === "object" && first !== null ? first.key : (first ?? "?"));
}
