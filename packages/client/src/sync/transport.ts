/**
 * How the sync client reaches a server: one small interface, with a fetch
 * implementation for browsers and Node, and an in-memory fake server for
 * tests (`fake-server.ts`). Knows HTTP and server-sent events, nothing of the
 * contract's meaning (that is `api.ts`).
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface TransportRequest {
  readonly method: HttpMethod;
  /** Path and query under the server's origin, e.g. `/api/v1/vaults/…/events?after=0`. */
  readonly path: string;
  /** Bearer token, for calls that need a session. */
  readonly token?: string | undefined;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as they are, `application/octet-stream` (a sealed attachment); instead of `body`. */
  readonly bytes?: Uint8Array;
  readonly signal?: AbortSignal | undefined;
  /**
   * A binary media type this call would rather have than JSON (the server may
   * still answer in JSON, and errors are always JSON).
   */
  readonly accept?: string | undefined;
}

export interface TransportResponse {
  readonly status: number;
  /** The parsed JSON body, or `undefined` when there was none or it was not JSON. */
  readonly body: unknown;
  /** The body's bytes, when the server answered with the binary type the request accepted. */
  readonly bytes?: Uint8Array;
}

/** One server-sent event: its `event:` name (default `message`) and `data:` text. */
export interface StreamMessage {
  readonly event: string;
  readonly data: string;
}

/** The stream was refused (not a network drop): the status says why (401, 403, ...). */
export class StreamRefused extends Error {
  constructor(readonly status: number) {
    super(`the server refused the live stream (${status})`);
    this.name = "StreamRefused";
  }
}

export interface Transport {
  /** The response, whatever its status; `null` when none came back (offline, refused connection, aborted). */
  request(request: TransportRequest): Promise<TransportResponse | null>;
  /**
   * Opens a server-sent event stream and yields its messages until the
   * connection ends. Throws `StreamRefused` on an HTTP error status; ends or
   * throws anything else when the connection drops.
   */
  stream(request: {
    readonly path: string;
    readonly token: string;
    readonly signal: AbortSignal;
  }): AsyncIterable<StreamMessage>;
}

/** A transport over `fetch` to the server at `baseUrl` (an origin, e.g. `https://trellis.example`). */
export function fetchTransport(baseUrl: string, fetchImpl: typeof fetch = fetch): Transport {
  const base = baseUrl.replace(/\/+$/, "");
  const call: typeof fetch = (input, init) => fetchImpl(input, init);
  return {
    async request({ method, path, token, body, bytes, signal, accept }) {
      const headers: Record<string, string> = {
        accept: accept ? `${accept}, application/json;q=0.9` : "application/json",
      };
      if (token) headers.authorization = `Bearer ${token}`;
      if (bytes) headers["content-type"] = "application/octet-stream";
      else if (body !== undefined) headers["content-type"] = "application/json";
      let response: Response;
      try {
        response = await call(`${base}${path}`, {
          method,
          headers,
          ...(bytes
            ? { body: new Uint8Array(bytes) }
            : body !== undefined && { body: JSON.stringify(body) }),
          ...(signal && { signal }),
          cache: "no-store",
        });
      } catch {
        return null;
      }
      const type = response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
      if (accept && type === accept && response.ok) {
        try {
          return {
            status: response.status,
            body: undefined,
            bytes: new Uint8Array(await response.arrayBuffer()),
          };
        } catch {
          return null; // the connection dropped while the body was arriving
        }
      }
      let parsed: unknown;
      try {
        const text = await response.text();
        parsed = text.length > 0 ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: response.status, body: parsed };
    },
    async *stream({ path, token, signal }) {
      const response = await call(`${base}${path}`, {
        headers: { accept: "text/event-stream", authorization: `Bearer ${token}` },
        signal,
        cache: "no-store",
      });
      if (!response.ok || !response.body) {
        await response.body?.cancel().catch(() => undefined);
        throw new StreamRefused(response.status);
      }
      yield* parseEventStream(textChunks(response.body));
    },
  };
}

async function* textChunks(body: ReadableStream<Uint8Array>): AsyncIterable<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      yield decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Parses `text/event-stream` (the WHATWG format): `event:` and `data:` fields,
 * a blank line ends a message, lines starting with `:` are comments (pings).
 */
export async function* parseEventStream(
  chunks: AsyncIterable<string>,
): AsyncIterable<StreamMessage> {
  let buffer = "";
  let event = "";
  let data: string[] = [];
  for await (const chunk of chunks) {
    buffer += chunk;
    let newline = buffer.search(/\r\n|\r|\n/);
    // A lone "\r" at the end may be the first half of "\r\n": wait for the next chunk.
    while (newline >= 0 && !(newline === buffer.length - 1 && buffer.endsWith("\r"))) {
      const line = buffer.slice(0, newline);
      const width = buffer.startsWith("\r\n", newline) ? 2 : 1;
      buffer = buffer.slice(newline + width);
      if (line === "") {
        if (data.length > 0) yield { event: event || "message", data: data.join("\n") };
        event = "";
        data = [];
      } else if (!line.startsWith(":")) {
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? "" : line.slice(colon + 1);
        if (value.startsWith(" ")) value = value.slice(1);
        if (field === "event") event = value;
        else if (field === "data") data.push(value);
      }
      newline = buffer.search(/\r\n|\r|\n/);
    }
  }
}
