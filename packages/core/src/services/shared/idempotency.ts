/**
 * The one mechanism for idempotent creates (docs/domain.md "Idempotency"): every create carries a
 * client key, unique per workspace (the IdempotencyKey table).
 *
 * `withIdempotency` runs the create in one transaction that first CLAIMS the key
 * (INSERT … ON CONFLICT DO NOTHING), then creates, then stores the response on the claim:
 * - a new key: the create runs; a refusal rolls the claim back with everything else, so a refused
 *   request leaves no trace and its retry is judged afresh;
 * - a key already stored with the same request: the stored response, nothing runs again;
 * - a key stored with a different request (another scope, body or caller): CONFLICT;
 * - two requests with one key at once: the unique constraint decides. The second INSERT waits for
 *   the first transaction; once it commits the INSERT does nothing and the second request reads
 *   the winner's response (the next statement sees the committed row under READ COMMITTED); if
 *   the first rolls back, the second claims the key itself.
 * The request compared is the scope, the caller and the body the route names (for events: item,
 * kind, value, localDate, revertsId), hashed; responses are stored as JSON, so routes return
 * JSON-shaped results (instants as ISO strings) and a replay equals the first answer exactly.
 */
import { createHash } from "node:crypto";
import { AppError } from "@atlas/core";
import type { Prisma, TenantDb } from "@atlas/db";
import type { TenantTx as Tx } from "@atlas/db";

/** What a create's response may be: plain JSON. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface IdempotentRequest {
  workspaceId: string;
  key: string;
  /** What kind of create ("habit.create", "event", …): a key reused across scopes is a conflict. */
  scope: string;
  /** Who asks: another person's retry with the same key is a conflict, not their response. */
  actorId: string;
  /** The request as compared on a retry (undefined fields count as null). */
  body: Record<string, unknown>;
}

/** JSON with object keys sorted at every level: equal requests hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(request: Pick<IdempotentRequest, "scope" | "actorId" | "body">) {
  return createHash("sha256")
    .update(canonicalJson({ scope: request.scope, actorId: request.actorId, body: request.body }))
    .digest("hex");
}

function conflict(key: string): AppError {
  return new AppError(
    "CONFLICT",
    `The idempotency key "${key}" was already used for a different request. Send a new key for a new request; a retry must repeat the first request exactly.`,
    { idempotencyKey: key },
  );
}

/**
 * Runs `create` at most once per (workspace, key): see the module comment. `create` gets the
 * transaction the claim lives in and must do all its writes through it.
 */
export function withIdempotency<T extends Json>(
  db: TenantDb,
  request: IdempotentRequest,
  create: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.$transaction((tx) => withIdempotencyIn(tx, request, create));
}

/**
 * withIdempotency inside the caller's transaction (accepting an AI suggestion creates several
 * items at once, each on its own key): the claim commits or rolls back with everything else.
 */
export async function withIdempotencyIn<T extends Json>(
  tx: Tx,
  request: IdempotentRequest,
  create: (tx: Tx) => Promise<T>,
): Promise<T> {
  const { workspaceId, key, scope } = request;
  const hash = requestHash(request);
  const where = { workspaceId_key: { workspaceId, key } };
  const claim = await tx.idempotencyKey.createMany({
    data: [{ workspaceId, key, scope, requestHash: hash }],
    skipDuplicates: true,
  });
  if (claim.count === 0) {
    const stored = await tx.idempotencyKey.findUnique({
      where,
      select: { scope: true, requestHash: true, response: true },
    });
    // Gone between the two statements (its creator rolled back after we waited): a retry claims it.
    if (!stored) {
      throw new AppError("CONFLICT", "A request with this key was just abandoned; retry it.", {
        idempotencyKey: key,
      });
    }
    if (stored.scope !== scope || stored.requestHash !== hash) throw conflict(key);
    if (stored.response === null) throw conflict(key);
    return stored.response as T;
  }
  // Round-trip through JSON so the first answer is exactly what a retry will read back.
  const response = JSON.parse(JSON.stringify(await create(tx))) as T;
  await tx.idempotencyKey.update({
    where,
    data: { response: response as Prisma.InputJsonValue },
  });
  return response;
}
