/**
 * The one error type domain code throws. Only the API layer turns it into a transport error
 * (tRPC code and HTTP status), so services stay free of tRPC.
 */
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "BAD_REQUEST",
  "CONFLICT",
  "TOO_MANY_REQUESTS",
  "PRECONDITION_FAILED",
  /** The plan lacks a feature or a limit is reached, or a failing payment blocks it (HTTP 402). */
  "PAYMENT_REQUIRED",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Safe to show to the caller (it is sent to the client): never internals. */
    readonly details?: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
