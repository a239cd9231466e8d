/**
 * The test server for this package's integration suites: the one a vitest globalSetup provided
 * (@atlas/db's global-setup.ts), else one started here (migrated, seeded template) and stopped by
 * the suite. Core's vitest config has no globalSetup, so its integration files start their own.
 */
import { startTestServer, type TestServer } from "@atlas/db/testing";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    testServer: TestServer;
  }
}

export async function acquireTestServer(): Promise<{
  server: TestServer;
  release(): Promise<void>;
}> {
  const provided = inject("testServer") as TestServer | undefined;
  if (provided !== undefined) return { server: provided, release: async () => undefined };
  const { stop, ...server } = await startTestServer();
  return { server, release: stop };
}
