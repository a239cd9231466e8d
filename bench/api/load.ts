/**
 * Load through autocannon: a fixed number of connections for a fixed time against one server,
 * each request built just before it is sent (its own path, session cookie and body).
 */
import autocannon from "autocannon";

export interface Figures {
  /** Completed requests per second (mean of the per-second samples). */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers other than 2xx, and how many of each status. */
  non2xx: number;
  non2xxStatuses: Record<string, number>;
  /** Socket errors and timeouts (no answer). */
  socketErrors: number;
  /** Requests that ended: answers plus socket errors. */
  total: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  requests: autocannon.Request[];
}

/** The running instance, so that a stop (Ctrl-C, the watchdog) can end it early. */
let running: autocannon.Instance | undefined;

export function stopLoad() {
  running?.stop();
}

export function load(options: LoadOptions): Promise<Figures> {
  return new Promise((resolve, reject) => {
    running = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        requests: options.requests,
        // One request at a time per connection: the next is built from the previous answer.
        pipelining: 1,
      },
      (error, result) => {
        running = undefined;
        if (error) return reject(error);
        resolve({
          requestsPerSecond: result.requests.average,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          non2xx: result.non2xx,
          non2xxStatuses: Object.fromEntries(
            Object.entries(result.statusCodeStats ?? {})
              .filter(([status]) => !status.startsWith("2"))
              .map(([status, { count }]) => [status, count ?? 0]),
          ),
          socketErrors: result.errors,
          total: result.requests.total + result.errors,
        });
      },
    );
  });
}

/** GETs that cycle through `calls`: request i goes to calls[i mod n]. */
export function cycling(calls: readonly { path: string; cookie: string }[]): autocannon.Request[] {
  let next = 0;
  return [
    {
      method: "GET",
      setupRequest: (request) => {
        const call = calls[next++ % calls.length]!;
        return {
          ...request,
          path: call.path,
          headers: { ...request.headers, cookie: call.cookie },
        };
      },
    },
  ];
}

/** A tRPC query's path, its input encoded as the web client's superjson link sends it. */
export function queryPath(procedure: string, input?: Record<string, unknown>): string {
  const base = `/api/trpc/${procedure}`;
  return input === undefined
    ? base
    : `${base}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}
