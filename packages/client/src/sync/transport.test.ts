import { describe, expect, it } from "vitest";
import { fetchTransport, parseEventStream, StreamRefused } from "./transport.ts";

async function* chunks(...parts: string[]) {
  for (const p of parts) yield p;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("reading a server-sent event stream", () => {
  it("yields each event with its name and data, across chunks split anywhere, and skips pings", async () => {
    const messages = await collect(
      parseEventStream(
        chunks(
          ": ping\n\nevent: ev",
          'ents\ndata: {"upTo":',
          "12}\n\n",
          ": ping\n\n",
          'event: events\r\ndata: {"upTo":13}\r',
          "\n\r\n",
        ),
      ),
    );
    expect(messages).toEqual([
      { event: "events", data: '{"upTo":12}' },
      { event: "events", data: '{"upTo":13}' },
    ]);
  });

  it("joins multi-line data and names unnamed events `message`", async () => {
    expect(await collect(parseEventStream(chunks("data: a\ndata: b\n\n")))).toEqual([
      { event: "message", data: "a\nb" },
    ]);
  });
});

describe("the fetch transport", () => {
  it("sends JSON with the bearer token to the server's API, and reads JSON back", async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const transport = fetchTransport("https://trellis.example/", async (url, init) => {
      seen.push({ url: String(url), init: init! });
      return new Response(JSON.stringify({ results: [] }), { status: 200 });
    });
    const r = await transport.request({
      method: "POST",
      path: "/api/v1/vaults/x/events",
      token: "secret-token",
      body: { events: [] },
    });
    expect(r).toEqual({ status: 200, body: { results: [] } });
    expect(seen[0]!.url).toBe("https://trellis.example/api/v1/vaults/x/events");
    const headers = seen[0]!.init.headers as Record<string, string>;
    expect(headers.authorization).toBe("Bearer secret-token");
    expect(headers["content-type"]).toBe("application/json");
    expect(seen[0]!.init.body).toBe('{"events":[]}');
  });

  it("asks for a binary type first and hands its bytes over; JSON answers and errors still read as JSON", async () => {
    const type = "application/vnd.trellis.events.v1";
    const seen: Record<string, string>[] = [];
    const answers = [
      new Response(Uint8Array.of(1, 2, 3), { status: 200, headers: { "content-type": type } }),
      new Response('{"events":[],"next":0,"more":false}', {
        status: 200,
        headers: { "content-type": "application/json; charset=utf-8" },
      }),
      new Response('{"error":{"reason":"not-found","message":"No such vault."}}', {
        status: 404,
        headers: { "content-type": "application/json" },
      }),
    ];
    const transport = fetchTransport("https://t.example", async (_url, init) => {
      seen.push(init!.headers as Record<string, string>);
      return answers.shift()!;
    });
    const request = { method: "GET" as const, path: "/api/v1/vaults/x/events", accept: type };
    const binary = await transport.request(request);
    expect(binary?.bytes).toEqual(Uint8Array.of(1, 2, 3));
    expect(seen[0]!.accept).toBe(`${type}, application/json;q=0.9`);
    expect(await transport.request(request)).toEqual({
      status: 200,
      body: { events: [], next: 0, more: false },
    });
    expect(await transport.request(request)).toEqual({
      status: 404,
      body: { error: { reason: "not-found", message: "No such vault." } },
    });
  });

  it("answers null when nothing came back (offline), and keeps a status without a JSON body", async () => {
    const offline = fetchTransport("https://t.example", async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(await offline.request({ method: "GET", path: "/api/v1/health" })).toBeNull();
    const empty = fetchTransport(
      "https://t.example",
      async () => new Response(null, { status: 204 }),
    );
    expect(await empty.request({ method: "DELETE", path: "/api/v1/sessions/current" })).toEqual({
      status: 204,
      body: undefined,
    });
  });

  it("refuses a stream the server refuses, with its status", async () => {
    const transport = fetchTransport(
      "https://t.example",
      async () =>
        new Response(JSON.stringify({ error: { reason: "unauthenticated", message: "" } }), {
          status: 401,
        }),
    );
    const stream = transport.stream({
      path: "/s",
      token: "t",
      signal: new AbortController().signal,
    });
    await expect(collect(stream)).rejects.toEqual(new StreamRefused(401));
  });

  it("streams notices from a live response body", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('event: events\ndata: {"upTo":3}\n\n'));
        controller.close();
      },
    });
    const transport = fetchTransport("https://t.example", async (_url, init) => {
      expect((init!.headers as Record<string, string>).authorization).toBe("Bearer t");
      return new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } });
    });
    const messages = await collect(
      transport.stream({ path: "/s", token: "t", signal: new AbortController().signal }),
    );
    expect(messages).toEqual([{ event: "events", data: '{"upTo":3}' }]);
  });
});
