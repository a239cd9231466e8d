/**
 * One tRPC subscription read with the browser's own EventSource (docs/architecture.md "Live
 * inbox"), so a page that listens at load does not load the tRPC client. It speaks tRPC's
 * server-sent-events protocol on /api/trpc: the input travels as superjson's `{ json }` (so it must
 * be plain JSON: strings, numbers, booleans, null), each data event is one superjson-serialized
 * value of which `onData` gets the JSON form (no Dates revived), `connected` opens every
 * (re)connection, `ping` keeps an idle stream alive, `serialized-error` and `return` end it.
 * Tracked ids resume a dropped stream: the browser's reconnect sends Last-Event-ID, and a reopen
 * after silence puts the last id in the input's `lastEventId`.
 */

/**
 * Silence that means the stream is dead, until the server's `connected` event says its own
 * (`reconnectAfterInactivityMs`, packages/api trpc.ts; it pings well within it).
 */
const DEFAULT_SILENCE_MS = 30_000;
/** After the server refused or closed the stream, wait this long before opening it again. */
const RETRY_MS = 15_000;

export interface LiveStreamHandlers<T> {
  onData: (data: T) => void;
  /** Each time the stream is (re)connected; `first` for the first connection. */
  onConnected?: (first: boolean) => void;
  /** The server refused the subscription (its message); the stream stays closed. */
  onRefused?: (message: string) => void;
}

/** Opens `path`'s stream with `input`; the returned function closes it for good. */
export function openLiveStream<T>(
  path: string,
  input: Record<string, string | number | boolean | null>,
  handlers: LiveStreamHandlers<T>,
): () => void {
  let source: EventSource | null = null;
  let lastEventId: string | null = null;
  let connections = 0;
  let closed = false;
  let silence: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let silenceMs = DEFAULT_SILENCE_MS;

  const heard = () => {
    clearTimeout(silence);
    silence = setTimeout(reopen, silenceMs);
  };
  function stop() {
    clearTimeout(silence);
    clearTimeout(retry);
    source?.close();
    source = null;
  }
  function reopen() {
    stop();
    if (!closed) open();
  }
  function open() {
    const resume = lastEventId === null ? input : { ...input, lastEventId };
    const url = `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: resume }))}`;
    const stream = new EventSource(url);
    source = stream;
    heard();
    stream.addEventListener("connected", (event) => {
      const client = JSON.parse((event as MessageEvent<string>).data) as {
        reconnectAfterInactivityMs?: number;
      };
      silenceMs = client.reconnectAfterInactivityMs ?? DEFAULT_SILENCE_MS;
      heard();
      connections += 1;
      handlers.onConnected?.(connections === 1);
    });
    stream.addEventListener("ping", heard);
    stream.onmessage = (event: MessageEvent<string>) => {
      heard();
      if (event.lastEventId) lastEventId = event.lastEventId;
      const { json } = JSON.parse(event.data) as { json: T };
      handlers.onData(json);
    };
    stream.addEventListener("serialized-error", (event) => {
      stop();
      const data = (event as MessageEvent<string>).data;
      const message = (JSON.parse(data) as { json?: { message?: string } }).json?.message;
      handlers.onRefused?.(message ?? "The live stream was refused");
    });
    stream.addEventListener("return", stop);
    stream.onerror = () => {
      // CONNECTING: the browser reconnects by itself (with Last-Event-ID). CLOSED: it gave up
      // (an error status); try again later.
      if (stream.readyState === EventSource.CLOSED && !closed) {
        stop();
        retry = setTimeout(reopen, RETRY_MS);
      }
    };
  }

  open();
  return () => {
    closed = true;
    stop();
  };
}
