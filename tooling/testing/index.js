/**
 * What every test run shares. A timeout is a safety net that names a hung test, never a budget:
 * on a loaded 2-core machine a sound suite runs many times slower than usual, so nothing may
 * fail on time alone. The net sits above the longest opt-in run (ATLAS_PROPERTY_RUNS=1000).
 */
export const SAFETY_NET_MS = 30 * 60_000;

/** Spread into every vitest project's `test` options. */
export const timeouts = {
  testTimeout: SAFETY_NET_MS,
  hookTimeout: SAFETY_NET_MS,
  teardownTimeout: SAFETY_NET_MS,
};
