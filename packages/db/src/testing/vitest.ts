/** Integration suites' view of the test server that @atlas/seed's global setup provides. */
import { inject } from "vitest";
import type { TestServer } from "./database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testServer: TestServer;
  }
}

/** The run's test server: its seeded template is what cloneTestDatabase copies. */
export function providedTestServer(): TestServer {
  return inject("testServer");
}
