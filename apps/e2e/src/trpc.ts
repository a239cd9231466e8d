/**
 * The web app's tRPC endpoint over a page's own request context (its session cookie): for
 * preparing a journey's data and for checking what the server recorded. Bodies are superjson
 * envelopes (`{ json }`), as the app's own client sends them.
 */
import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";

async function unwrap<T>(path: string, response: APIResponse): Promise<T> {
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!response.ok() || body.result === undefined) {
    throw new Error(`${path} answered ${response.status()}: ${JSON.stringify(body.error ?? body)}`);
  }
  return body.result.data.json;
}

export async function query<T>(
  request: APIRequestContext,
  baseUrl: string,
  path: string,
  input: unknown = {},
): Promise<T> {
  const search = new URLSearchParams({ input: JSON.stringify({ json: input }) });
  return unwrap<T>(path, await request.get(`${baseUrl}/api/trpc/${path}?${search}`));
}

/** A create-like mutation: a fresh idempotency key is added to `input`. */
export async function mutate<T>(
  request: APIRequestContext,
  baseUrl: string,
  path: string,
  input: Record<string, unknown>,
): Promise<T> {
  const data = { json: { idempotencyKey: randomUUID(), ...input } };
  return unwrap<T>(path, await request.post(`${baseUrl}/api/trpc/${path}`, { data }));
}

/** The seeded Demo Team's id, from the signed-in person's own workspaces. */
export async function demoTeamId(request: APIRequestContext, baseUrl: string): Promise<string> {
  const workspaces = await query<{ items: { id: string; name: string }[] }>(
    request,
    baseUrl,
    "workspace.list",
    { limit: 100 },
  );
  const demo = workspaces.items.find((w) => w.name === "Demo Team");
  if (demo === undefined) throw new Error("the signed-in person is not in Demo Team");
  return demo.id;
}

/** A Demo Team member's id by name, as a coach of the team sees its members. */
export async function demoTeamMember(
  request: APIRequestContext,
  baseUrl: string,
  name: string,
): Promise<{ workspaceId: string; memberId: string }> {
  const workspaceId = await demoTeamId(request, baseUrl);
  const members = await query<{ items: { id: string; name: string }[] }>(
    request,
    baseUrl,
    "workspace.members",
    { workspaceId, limit: 100 },
  );
  const member = members.items.find((m) => m.name === name);
  if (member === undefined) throw new Error(`${name} is not in Demo Team`);
  return { workspaceId, memberId: member.id };
}
