import "server-only";
import { isTRPCError } from "@atlas/next-app/server";
import { forbidden, notFound } from "next/navigation";

/** The drill-down's refusals as pages: not a coach there → 403, no such member or habit → 404. */
export async function orRefused<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isTRPCError(error, "FORBIDDEN")) forbidden();
    if (isTRPCError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}

/** Where the drill-down's pages are. */
export const memberPath = (workspaceId: string, memberId: string) =>
  `/members/${workspaceId}/${memberId}`;
