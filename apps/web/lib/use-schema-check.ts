"use client";

import { useState } from "react";
import { describeError } from "~/lib/errors.ts";
import type { FormSchemaName, Problems, problemsOf } from "~/lib/form-schemas.ts";

let schemas: Promise<{ problemsOf: typeof problemsOf }> | undefined;

/** The schemas module, fetched once, on the first focus or submit of any form. */
function loadSchemas() {
  return (schemas ??= import("~/lib/form-schemas.ts"));
}

/**
 * Every form's check before sending: the API's own input schema of `name` (the same words the
 * server would answer), so all of a form's problems show at once and nothing is sent while there
 * are any. The schemas load on interaction (`preload` on the form's first focus), never with the
 * page. The server's answer stays the authority: `shown` gives the client's problems while there
 * are any, else the server's refusal.
 */
export function useSchemaCheck(name: FormSchemaName) {
  const [problems, setProblems] = useState<Problems | null>(null);
  return {
    /** Start fetching the schemas (a form's onFocus), so the check at submit has them. */
    preload: () => void loadSchemas(),
    /** True when `input` passes; else its problems show and the caller sends nothing. */
    passes: async (input: unknown): Promise<boolean> => {
      const found = (await loadSchemas()).problemsOf(name, input);
      setProblems(found);
      return found === null;
    },
    /** What to show: the client's problems, else the server's refusal (describeError). */
    shown: (serverError: Parameters<typeof describeError>[0]): Problems =>
      problems ?? describeError(serverError),
  };
}
