/**
 * A local server speaking OpenAI's chat completions wire format (docs/architecture.md "Outside
 * services"): `POST /v1/chat/completions` with a bearer key, answered by a handler the test gives
 * — a structured reply with its usage, raw (malformed) content, a refusal, a reply cut off at the
 * token limit, an error status in OpenAI's error body, or no reply at all. Loopback only, on a
 * port the system picks; `close()` ends every connection, a hanging one included.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** The parsed JSON body (null when it was not JSON). */
  body: { model?: string; messages?: { role: string; content: string }[] } & Record<
    string,
    unknown
  >;
  /** The body exactly as sent. */
  raw: string;
}

export interface FakeUsage {
  promptTokens: number;
  completionTokens: number;
}

export type FakeReply =
  /** A structured answer: `value` as the message's JSON content. */
  | { kind: "json"; value: unknown; usage?: FakeUsage }
  /** The message content as given (e.g. malformed JSON). */
  | { kind: "content"; content: string; usage?: FakeUsage }
  | { kind: "refusal"; refusal: string; usage?: FakeUsage }
  /** Cut off at the token limit (`finish_reason: "length"`). */
  | { kind: "length"; content: string; usage?: FakeUsage }
  | {
      kind: "error";
      status: number;
      code: string;
      message?: string;
      headers?: Record<string, string>;
    }
  /** A whole recorded `chat.completion` body, sent as it is (the evals' replay). */
  | { kind: "completion"; body: unknown }
  /** Never answers (until the server closes). */
  | { kind: "hang" };

export type FakeHandler = (request: FakeRequest, index: number) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAI {
  /** The base URL to give the SDK (`…/v1`). */
  baseURL: string;
  /** Every request received, in order. */
  requests: FakeRequest[];
  close(): Promise<void>;
}

/** A fixed creation time, so replies are byte-for-byte repeatable. */
const CREATED = 1_767_225_600;

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "invalid_request_error",
  404: "invalid_request_error",
  429: "rate_limit_error",
};

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-request-id": `req_fake_${status}`,
    ...headers,
  });
  res.end(text);
}

function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
) {
  send(
    res,
    status,
    {
      error: {
        message,
        type:
          code === "insufficient_quota"
            ? "insufficient_quota"
            : (ERROR_TYPES[status] ?? "server_error"),
        param: null,
        code,
      },
    },
    headers,
  );
}

export interface CompletionParts {
  model: string;
  index: number;
  content: string | null;
  refusal: string | null;
  finishReason: "stop" | "length";
  usage: FakeUsage;
}

/** A `chat.completion` body exactly as OpenAI sends it, usage and refusal included. */
export function completionBody(parts: CompletionParts) {
  const { promptTokens, completionTokens } = parts.usage;
  return {
    id: `chatcmpl-fake-${parts.index + 1}`,
    object: "chat.completion",
    created: CREATED,
    model: parts.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: parts.content,
          refusal: parts.refusal,
          annotations: [],
        },
        logprobs: null,
        finish_reason: parts.finishReason,
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    service_tier: "default",
    system_fingerprint: "fp_atlas_fake",
  };
}

/** Roughly four characters a token, as OpenAI's rule of thumb has it. */
export const estimateTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function completion(
  request: FakeRequest,
  index: number,
  reply: Exclude<FakeReply, { kind: "error" | "hang" | "completion" }>,
) {
  const content =
    reply.kind === "json"
      ? JSON.stringify(reply.value)
      : reply.kind === "refusal"
        ? null
        : reply.content;
  const refusal = reply.kind === "refusal" ? reply.refusal : null;
  return completionBody({
    model: request.body.model ?? "gpt-4o-mini",
    index,
    content,
    refusal,
    finishReason: reply.kind === "length" ? "length" : "stop",
    usage: reply.usage ?? {
      promptTokens: estimateTokens(request.raw),
      completionTokens: estimateTokens(content ?? refusal ?? ""),
    },
  });
}

export async function startFakeOpenAI(handler: FakeHandler): Promise<FakeOpenAI> {
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: FakeRequest["body"];
      try {
        body = JSON.parse(raw) as FakeRequest["body"];
      } catch {
        return sendError(
          res,
          400,
          "invalid_json",
          "We could not parse the JSON body of your request.",
        );
      }
      const request: FakeRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body,
        raw,
      };
      if (request.method !== "POST" || request.path !== "/v1/chat/completions") {
        return sendError(
          res,
          404,
          "unknown_url",
          `Unknown request URL: ${request.method} ${request.path}.`,
        );
      }
      if (!/^Bearer \S+$/.test(req.headers.authorization ?? "")) {
        return sendError(res, 401, "invalid_api_key", "Incorrect API key provided.");
      }
      const index = requests.push(request) - 1;
      void Promise.resolve(handler(request, index)).then((reply) => {
        if (reply.kind === "hang") return;
        if (reply.kind === "error") {
          return sendError(
            res,
            reply.status,
            reply.code,
            reply.message ?? reply.code,
            reply.headers,
          );
        }
        if (reply.kind === "completion") return send(res, 200, reply.body);
        send(res, 200, completion(request, index, reply));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
