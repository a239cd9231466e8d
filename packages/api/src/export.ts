/**
 * The log export over HTTP (docs/domain.md "Data export"): apps/web's GET /api/export/log answers
 * with `logExportResponse`. It walks `export.log` through a server-side caller, so every page passes
 * the whole chain (session, membership, role, plan), and streams the pages as CSV: the next page is
 * read only when the client has taken the last one, so memory holds one page whatever the log's
 * length. A refusal before the first byte is the procedure's own status and message as JSON.
 */
import { csvLine } from "@atlas/core";
import { EXPORT_LOG_COLUMNS, type ExportedEntry } from "@atlas/core/services/log/export";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { toTRPCError } from "./errors.ts";

/** Entries per page (and per database read). */
export const EXPORT_PAGE_SIZE = 500;

interface ExportCaller {
  export: {
    log(input: {
      workspaceId?: string;
      cursor?: string;
      limit: number;
    }): Promise<{ items: ExportedEntry[]; nextCursor: string | null }>;
  };
}

const toLines = (items: readonly ExportedEntry[]) =>
  items.map((entry) => csvLine(EXPORT_LOG_COLUMNS.map((column) => entry[column]))).join("");

/** The CSV download of the workspace's log (`workspaceId`, else the session's workspace). */
export async function logExportResponse(
  caller: ExportCaller,
  options: { workspaceId?: string; now: Date; pageSize?: number },
): Promise<Response> {
  const { workspaceId } = options;
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  let page: Awaited<ReturnType<ExportCaller["export"]["log"]>>;
  try {
    page = await caller.export.log({ workspaceId, limit });
  } catch (error) {
    const mapped = error instanceof TRPCError ? error : toTRPCError(error);
    return Response.json(
      { error: { code: mapped.code, message: mapped.message } },
      { status: getHTTPStatusCodeFromError(mapped) },
    );
  }
  const encoder = new TextEncoder();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(encoder.encode(csvLine(EXPORT_LOG_COLUMNS) + toLines(page.items)));
      } else if (page.nextCursor === null) {
        controller.close();
      } else {
        page = await caller.export.log({ workspaceId, cursor: page.nextCursor, limit });
        controller.enqueue(encoder.encode(toLines(page.items)));
      }
    },
  });
  const day = options.now.toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="atlas-log-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
