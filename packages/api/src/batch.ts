/**
 * The most calls one /api/trpc request may batch: the server refuses more (400), and the
 * browser's batch link splits its batches at this size. No imports: browser code reads it too.
 */
export const MAX_BATCH_SIZE = 20;
