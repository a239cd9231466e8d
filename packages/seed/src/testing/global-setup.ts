/**
 * Vitest global setup for every integration suite: one migrated template per run, filled with
 * the demo seed, that the suites clone (@atlas/db/testing). Suites name this file by path.
 */
import { startTestServer } from "@atlas/db/testing";
import type {} from "@atlas/db/testing/vitest"; // types project.provide("testServer", …)
import type { TestProject } from "vitest/node";
import { seed } from "../seed.ts";

export default async function setup(project: TestProject) {
  const { stop, ...server } = await startTestServer({ seed });
  project.provide("testServer", server);
  return stop;
}
