/**
 * The API's one mapping from errors to what a caller sees (docs/architecture.md "Errors": services throw AppError, only
 * the API turns it into a TRPCError). `toTRPCError` runs as the first middleware of every
 * procedure, so server-side callers (`createCaller`) get the mapped code too; `errorFormatter`
 * shapes what goes over the wire: the HTTP status, zod issues for BAD_REQUEST, the retry time
 * for TOO_MANY_REQUESTS and SERVICE_UNAVAILABLE (a query found no pooled connection in time),
 * and nothing internal for anything unexpected.
 */
import { AppError, type AppErrorCode } from "@atlas/core";
import { DatabaseBusyError, Prisma } from "@atlas/db";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { z, ZodError } from "zod";
// Zod's words for issues no schema worded (a side effect: the global error map).
import "./messages.ts";

export { AppError };

/** Every AppError code is also a tRPC code; the table keeps that a checked fact. */
const TRPC_CODE_BY_APP_CODE = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  BAD_REQUEST: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  PAYMENT_REQUIRED: "PAYMENT_REQUIRED",
  BAD_GATEWAY: "BAD_GATEWAY",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
} as const satisfies Record<AppErrorCode, TRPCError["code"]>;

export const INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";

export const BUSY_MESSAGE = "Atlas is busy right now. Please try again in a moment.";

/** What a 503 tells the caller to wait before trying again. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * A transaction (Prisma P2028) or a plain read of the chain (DatabaseBusyError) could not get a
 * pooled connection within its maxWait: the server is overloaded, not broken, so the caller is
 * told to come back (docs/architecture.md "Request flow").
 */
function isDatabaseBusy(error: unknown): boolean {
  return (
    error instanceof DatabaseBusyError ||
    (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028")
  );
}

/**
 * An AppError becomes its TRPCError (message and details kept: they are written for the caller);
 * a TRPCError with a deliberate code passes through; anything else becomes an opaque
 * INTERNAL_SERVER_ERROR whose cause is kept for server-side logging only.
 */
export function toTRPCError(error: unknown): TRPCError {
  const appError = findAppError(error);
  if (appError) {
    return new TRPCError({
      code: TRPC_CODE_BY_APP_CODE[appError.code],
      message: appError.message,
      cause: appError,
    });
  }
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") return error;
  const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
  if (isDatabaseBusy(cause)) {
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: BUSY_MESSAGE, cause });
  }
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: INTERNAL_MESSAGE,
    cause: cause instanceof Error ? cause : undefined,
  });
}

function findAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCError && error.cause instanceof AppError) return error.cause;
  return undefined;
}

/** The `data` every error response carries (typed for clients through the router). */
export interface AtlasErrorData {
  code: TRPCError["code"];
  httpStatus: number;
  path: string | null;
  /** Field and form errors of a rejected input (BAD_REQUEST from validation), else null. */
  zodError: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
  /** Seconds until a rate-limited call may be retried (TOO_MANY_REQUESTS), else null. */
  retryAfterSeconds: number | null;
  /** An AppError's details (written for the caller), else null. */
  details: Readonly<Record<string, unknown>> | null;
}

export interface AtlasErrorShape {
  message: string;
  code: number;
  data: AtlasErrorData;
}

function flattenedZodError(error: TRPCError): AtlasErrorData["zodError"] {
  const cause = error.cause instanceof AppError ? error.cause.cause : error.cause;
  if (!(cause instanceof ZodError)) return null;
  const flat = z.flattenError(cause);
  return { formErrors: flat.formErrors, fieldErrors: flat.fieldErrors };
}

/** The first problem, in the schema's words: the message of a refused input. */
function firstProblem(zodError: NonNullable<AtlasErrorData["zodError"]>): string {
  const fieldMessages = Object.values(zodError.fieldErrors).flatMap((messages) => messages ?? []);
  return zodError.formErrors[0] ?? fieldMessages[0] ?? "Some fields need fixing.";
}

/** Seconds until a refused call may be retried (a rate limit's AppError, a busy server), else null. */
export function retryAfterSecondsOf(error: unknown): number | null {
  const retryAfter = findAppError(error)?.details?.retryAfterSeconds;
  if (typeof retryAfter === "number") return retryAfter;
  if (error instanceof TRPCError && error.code === "SERVICE_UNAVAILABLE") {
    return BUSY_RETRY_AFTER_SECONDS;
  }
  return null;
}

/** The root error formatter (initTRPC's `errorFormatter`). */
export function errorFormatter(opts: {
  shape: { code: number; message: string; data: { path?: string } };
  error: TRPCError;
}): AtlasErrorShape {
  const error = toTRPCError(opts.error);
  const appError = findAppError(error);
  const zodError = error.code === "BAD_REQUEST" ? flattenedZodError(error) : null;
  return {
    // The JSON-RPC code follows the mapped tRPC code (the shape tRPC built used the original).
    code: TRPC_ERROR_CODES_BY_KEY[error.code],
    message: zodError ? firstProblem(zodError) : error.message,
    data: {
      code: error.code,
      httpStatus: getHTTPStatusCodeFromError(error),
      path: opts.shape.data.path ?? null,
      zodError,
      retryAfterSeconds: retryAfterSecondsOf(error),
      details: appError?.details ?? null,
    },
  };
}
