/**
 * What @atlas/seed's global setup (../seed/src/testing/global-setup.ts) provides to integration
 * tests; declared here too because that file is outside this package's program.
 */
import type { TestServer } from "@atlas/db/testing";

declare module "vitest" {
  export interface ProvidedContext {
    testServer: TestServer;
  }
}
