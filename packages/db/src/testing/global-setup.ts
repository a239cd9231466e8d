/** Vitest global setup for every integration suite: one seeded template per run (server.ts). */
import type { TestProject } from "vitest/node";
import type { TestServer } from "./database.ts";
import { startTestServer } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testServer: TestServer;
  }
}

export default async function setup(project: TestProject) {
  const { stop, ...server } = await startTestServer();
  project.provide("testServer", server);
  return stop;
}
