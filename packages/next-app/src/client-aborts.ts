/**
 * A client that leaves mid-request (a closed tab, a navigation, a cancelled upload) is not a
 * server error, but Next 16 logs it as one: the proxy (proxy.ts) runs on every request and Next
 * clones the request body for it; when the client disconnects before the body is complete, Node
 * ends the request stream with ECONNRESET "aborted", which Next rethrows and logs with
 * console.error, or as "uncaughtException:" where nothing awaits the stream. `quietClientAborts`
 * drops exactly those lines; every other error, an outgoing connection's ECONNRESET included,
 * is still logged.
 */

/** Node's error for an incoming request whose client went away (`abortIncoming` in node:http). */
export function isClientAbort(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as NodeJS.ErrnoException).code === "ECONNRESET" &&
    error.message === "aborted"
  );
}

/** Makes `output.error` (where Next logs request and uncaught errors) skip client aborts. */
export function quietClientAborts(output: Pick<Console, "error"> = console): void {
  const error = output.error.bind(output);
  output.error = (...args: unknown[]) => {
    if (!args.some(isClientAbort)) error(...args);
  };
}
