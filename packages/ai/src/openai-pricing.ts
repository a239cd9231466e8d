/**
 * What a model call costs (docs/architecture.md "AI planner" → "Cost"). Prices are US dollars per
 * million tokens as OpenAI lists them for standard (not batch, not cached) use; a dollar per
 * million tokens is exactly one micro-dollar per token, so cost in micro-dollars is
 * `promptTokens · input + completionTokens · output`. Every prompt token is charged at the input
 * price (cached-input discounts are ignored, so the figure is an upper bound). A model missing
 * here has no known price: its cost is null, never a guess. Update this table when prices change.
 */

export interface ModelPrice {
  /** US dollars per million prompt tokens. */
  inputPerMillion: number;
  /** US dollars per million completion tokens. */
  outputPerMillion: number;
}

export const OPENAI_PRICES: Readonly<Record<string, ModelPrice>> = {
  "gpt-4o-mini": { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  "gpt-4o": { inputPerMillion: 2.5, outputPerMillion: 10 },
  "gpt-4.1": { inputPerMillion: 2, outputPerMillion: 8 },
  "gpt-4.1-mini": { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  "gpt-4.1-nano": { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  "gpt-5": { inputPerMillion: 1.25, outputPerMillion: 10 },
  "gpt-5-mini": { inputPerMillion: 0.25, outputPerMillion: 2 },
  "gpt-5-nano": { inputPerMillion: 0.05, outputPerMillion: 0.4 },
};

/** The price of `model`, also for a dated snapshot ("gpt-4o-mini-2024-07-18"); null if unknown. */
export function priceOf(model: string): ModelPrice | null {
  if (OPENAI_PRICES[model]) return OPENAI_PRICES[model]!;
  const base = /^(.*)-\d{4}-\d{2}-\d{2}$/.exec(model)?.[1];
  return base !== undefined ? (OPENAI_PRICES[base] ?? null) : null;
}

/** Micro-dollars, rounded up to a whole one; null for a model without a known price. */
export function costMicroUsd(
  model: string,
  promptTokens: number,
  completionTokens: number,
): number | null {
  const price = priceOf(model);
  if (price === null) return null;
  const exact = promptTokens * price.inputPerMillion + completionTokens * price.outputPerMillion;
  // Rounded to a millionth first, so 1000 × 0.15 is 150, not 151 from float noise.
  return Math.ceil(Math.round(exact * 1e6) / 1e6);
}
