export { buildSeedData } from "./build.ts";
export type { SeedData } from "./model.ts";
export { DEMO_SLUG, seed, type SeedSummary } from "./seed.ts";
