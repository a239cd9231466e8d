/**
 * The one error mapping, over the wire (fetch adapter, superjson) and through createCaller, on a
 * small router built from the real procedure builders (no database needed).
 */
import { Prisma, type Db } from "@atlas/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  AppError,
  BUSY_MESSAGE,
  BUSY_RETRY_AFTER_SECONDS,
  INTERNAL_MESSAGE,
  type AtlasErrorShape,
} from "./errors.ts";
import { handleTRPCRequest } from "./http.ts";
import { createRateLimiter } from "./rate-limit.ts";
import {
  authedProcedure,
  createCallerFactory,
  createContextInner,
  createTRPCRouter,
  publicProcedure,
} from "./trpc.ts";

const router = createTRPCRouter({
  appError: publicProcedure.input(z.object({ code: z.string() })).query(({ input }) => {
    throw new AppError(input.code as AppError["code"], `refused: ${input.code}`, { hint: "x" });
  }),
  vendorDown: publicProcedure.query(() => {
    throw new AppError("SERVICE_UNAVAILABLE", "Stripe cannot be reached right now.", {
      retryAfterSeconds: 30,
    });
  }),
  limited: publicProcedure.query(() => {
    throw new AppError("TOO_MANY_REQUESTS", "Too many requests: try again in 12 seconds.", {
      retryAfterSeconds: 12,
    });
  }),
  validated: publicProcedure
    .input(z.object({ days: z.number().int().max(60), zone: z.string().min(1) }))
    .mutation(() => "ok"),
  crash: publicProcedure.query(() => {
    throw new Error("connect ECONNREFUSED postgresql://app:secret@db.internal:5432");
  }),
  badOutput: publicProcedure
    .output(z.object({ n: z.number() }))
    .query(() => ({ n: "nope" }) as never),
  // What Prisma throws when a transaction finds no pooled connection within maxWait.
  busy: publicProcedure.query(() => {
    throw new Prisma.PrismaClientKnownRequestError(
      "Transaction API error: Unable to start a transaction in the given time.",
      { code: "P2028", clientVersion: Prisma.prismaVersion.client },
    );
  }),
  whoami: authedProcedure.query(({ ctx }) => ctx.session.userId),
});

const limiter = createRateLimiter();
const context = () => createContextInner({ session: null, source: "web", db: {} as Db, limiter });

async function call(path: string, input?: unknown, method: "GET" | "POST" = "GET") {
  const encoded = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
  const url = `http://localhost/api/trpc/${path}${method === "GET" ? `?input=${encoded}` : ""}`;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    router,
    createContext: context,
    req: new Request(url, {
      method,
      headers: { "content-type": "application/json" },
      body: method === "POST" ? JSON.stringify(superjson.serialize(input)) : undefined,
    }),
  });
  const body = (await response.json()) as { error: { json: AtlasErrorShape } };
  return { status: response.status, error: body.error.json };
}

describe("AppError codes", () => {
  it.each([
    ["NOT_FOUND", 404],
    ["FORBIDDEN", 403],
    ["UNAUTHORIZED", 401],
    ["BAD_REQUEST", 400],
    ["CONFLICT", 409],
    ["TOO_MANY_REQUESTS", 429],
    ["PRECONDITION_FAILED", 412],
    ["PAYMENT_REQUIRED", 402],
    ["BAD_GATEWAY", 502],
    ["SERVICE_UNAVAILABLE", 503],
  ])("%s → HTTP %i, with the message and details meant for the caller", async (code, status) => {
    const { status: got, error } = await call("appError", { code });
    expect(got).toBe(status);
    expect(error.message).toBe(`refused: ${code}`);
    expect(error.data).toMatchObject({
      code,
      httpStatus: status,
      path: "appError",
      details: { hint: "x" },
    });
    expect(error.data.zodError).toBeNull();
  });

  it("become the same TRPCError codes for server-side callers", async () => {
    const caller = createCallerFactory(router)(context());
    await expect(caller.appError({ code: "CONFLICT" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "refused: CONFLICT",
    });
  });

  it("TOO_MANY_REQUESTS carries retryAfterSeconds", async () => {
    const { status, error } = await call("limited");
    expect(status).toBe(429);
    expect(error.data.retryAfterSeconds).toBe(12);
  });

  it("SERVICE_UNAVAILABLE keeps the retry time its AppError names", async () => {
    const { status, error } = await call("vendorDown");
    expect(status).toBe(503);
    expect(error.data.retryAfterSeconds).toBe(30);
  });

  it("no session → UNAUTHORIZED", async () => {
    expect((await call("whoami")).status).toBe(401);
  });
});

describe("invalid input", () => {
  it("is a 400 with zod's issues flattened by field, in words a person wrote", async () => {
    const { status, error } = await call("validated", { days: 61.5, zone: "" }, "POST");
    expect(status).toBe(400);
    expect(error.message).toBe("This must be a whole number");
    expect(error.data.zodError!.fieldErrors).toEqual({
      days: ["This must be a whole number"],
      zone: ["This must not be empty"],
    });
  });
});

describe("anything unexpected", () => {
  it("is a 500 that says nothing about the internals", async () => {
    const { status, error } = await call("crash");
    expect(status).toBe(500);
    expect(error.message).toBe(INTERNAL_MESSAGE);
    expect(JSON.stringify(error)).not.toMatch(/ECONNREFUSED|secret|db\.internal|stack/);
  });

  it("keeps the cause for server-side logging but not in the caller's message", async () => {
    const caller = createCallerFactory(router)(context());
    const error = await caller
      .crash()
      .catch((e: unknown) => e as { code: string; message: string; cause: Error });
    expect(error).toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: INTERNAL_MESSAGE });
    expect(error.cause.message).toMatch(/ECONNREFUSED/);
  });

  it("includes an output that fails its schema", async () => {
    const { status, error } = await call("badOutput");
    expect(status).toBe(500);
    expect(error.message).toBe(INTERNAL_MESSAGE);
    expect(error.data.zodError).toBeNull();
  });
});

describe("a transaction that finds no pooled connection in time (P2028)", () => {
  it("is a 503 with Retry-After, not a 500", async () => {
    const response = await handleTRPCRequest({
      router,
      request: new Request("http://localhost/api/trpc/busy"),
      createContext: async () => context(),
    });
    const body = (await response.json()) as { error: { json: AtlasErrorShape } };
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe(String(BUSY_RETRY_AFTER_SECONDS));
    expect(body.error.json.message).toBe(BUSY_MESSAGE);
    expect(body.error.json.data).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
    });
  });

  it("is SERVICE_UNAVAILABLE for server-side callers, the Prisma error kept as the cause", async () => {
    const error = await createCallerFactory(router)(context())
      .busy()
      .catch((e: unknown) => e as { code: string; cause: { code: string } });
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", cause: { code: "P2028" } });
  });
});
