"use server";

import { redirect } from "next/navigation";
import { getApi } from "~/lib/trpc/server.ts";

/** "Skip, I'll set up myself" (docs/domain.md "First run"): then the normal Today, for good. */
export async function skipGuide() {
  await (await getApi()).firstRun.skip();
  redirect("/");
}

/** The last step done: the normal Today. */
export async function finishGuide() {
  await (await getApi()).firstRun.advance({ from: "check_in" });
  redirect("/");
}
