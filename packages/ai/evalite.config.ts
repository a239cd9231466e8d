import { SAFETY_NET_MS } from "@atlas/test-config";
import { defineConfig } from "evalite/config";

export default defineConfig({
  // Every property is pass or fail: anything below 100 is a failure.
  scoreThreshold: 100,
  // A safety net, never a budget (docs/architecture.md "A suite that never races the clock").
  testTimeout: SAFETY_NET_MS,
  maxConcurrency: 4,
  // Results in memory only: no database file, no native module.
  cache: false,
});
