/**
 * The errors Node really raises, from sockets on loopback: a request whose client leaves
 * mid-body is a client abort and goes unlogged; an outgoing connection reset and any other
 * error are still logged.
 */
import { once } from "node:events";
import { createServer } from "node:http";
import { connect, createServer as createTcpServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isClientAbort, quietClientAborts } from "./client-aborts.ts";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Listens on the first free port of 3420–3429 (the ports this suite may bind). */
async function listen(server: Server): Promise<number> {
  for (let port = 3420; port <= 3429; port++) {
    const taken = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(true));
      server.listen(port, "127.0.0.1", () => resolve(false));
    });
    if (!taken) {
      servers.push(server);
      return port;
    }
  }
  throw new Error("ports 3420–3429 are all taken");
}

/** A console whose error lines are kept. */
function recordingConsole() {
  const lines: unknown[][] = [];
  const output = { error: (...args: unknown[]) => void lines.push(args) };
  quietClientAborts(output);
  return { output, lines };
}

/** The error a server sees when its client disconnects halfway through the request body. */
async function abortedRequestError(): Promise<unknown> {
  let received!: () => void;
  const bodyStarted = new Promise<void>((resolve) => (received = resolve));
  let failed!: (error: unknown) => void;
  const requestError = new Promise<unknown>((resolve) => (failed = resolve));
  const port = await listen(
    createServer((request) => {
      request.once("data", () => received());
      request.once("error", failed);
    }),
  );
  const client = connect(port, "127.0.0.1");
  await once(client, "connect");
  client.write(
    "POST /api/trpc/log.checkIn HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{",
  );
  await bodyStarted;
  client.destroy();
  return requestError;
}

/** The error a client sees when the server it called resets the connection. */
async function outgoingResetError(): Promise<unknown> {
  const port = await listen(createTcpServer((socket) => socket.resetAndDestroy()));
  const client = connect(port, "127.0.0.1");
  const [error] = await once(client, "error");
  return error;
}

describe("client aborts", () => {
  it("a request whose client leaves mid-body is one, and is not logged", async () => {
    const error = await abortedRequestError();
    expect(isClientAbort(error)).toBe(true);
    const { output, lines } = recordingConsole();
    output.error(error); // Next's request-error log
    output.error(" ⨯", "uncaughtException: ", error); // Next's uncaughtException log
    expect(lines).toEqual([]);
  });

  it("an outgoing connection reset and other errors are still logged", async () => {
    const reset = await outgoingResetError();
    expect((reset as NodeJS.ErrnoException).code).toBe("ECONNRESET");
    const others = [
      reset,
      new Error("aborted"),
      Object.assign(new Error("boom"), { code: "ECONNRESET" }),
      "aborted",
    ];
    const { output, lines } = recordingConsole();
    for (const error of others) {
      expect(isClientAbort(error)).toBe(false);
      output.error(" ⨯", "uncaughtException: ", error);
    }
    expect(lines.map((line) => line[2])).toEqual(others);
  });
});
