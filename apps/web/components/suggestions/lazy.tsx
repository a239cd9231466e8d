"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// The decision controls in a chunk of their own, fetched only when a suggestion to decide is
// rendered: Today and a goal without one carry none of it (the pages' JS budget). The server
// renders them in the page's HTML as before; the chunk hydrates them.
export const SuggestionReview = lazyComponent(() =>
  import("./suggestion-review.tsx").then((m) => m.SuggestionReview),
);
export const ItemDecision = lazyComponent(() =>
  import("./suggestion-review.tsx").then((m) => m.ItemDecision),
);
