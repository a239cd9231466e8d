/** The local planner as a provider: deterministic, free, and always available. */
import {
  LOCAL_MODEL,
  LOCAL_PROMPT_VERSION,
  LOCAL_PROVIDER,
  proposeLocally,
} from "@atlas/core/planner/index";
import { NO_USAGE, type PlannerProvider } from "./provider.ts";

export const localProvider: PlannerProvider = {
  name: LOCAL_PROVIDER,
  model: LOCAL_MODEL,
  async propose(_job, input) {
    return {
      proposal: proposeLocally(input),
      usage: NO_USAGE,
      promptVersion: LOCAL_PROMPT_VERSION,
    };
  },
};
