import { describe, expect, it } from "vitest";
import type { Transport, TransportRequest, TransportResponse } from "../transport.ts";
import { watchSession } from "./watch-session.ts";

/** A transport that answers every request with `response`. */
function answering(response: TransportResponse | null): Transport {
  return {
    request: async () => response,
    stream: () => {
      throw new Error("not used");
    },
  };
}

const unauthenticated = { status: 401, body: { error: { reason: "unauthenticated" } } };
const get = (token?: string): TransportRequest => ({
  method: "GET",
  path: "/api/v1/account",
  token,
});

async function endedAfter(response: TransportResponse | null, request: TransportRequest) {
  let ended = 0;
  const watched = watchSession(
    answering(response),
    () => "current",
    () => {
      ended += 1;
    },
  );
  const answer = await watched.request(request);
  expect(answer).toBe(response);
  return ended;
}

describe("noticing that the server ended this device's sign-in", () => {
  it("notices a 401 unauthenticated answer to a request made with the current token", async () => {
    expect(await endedAfter(unauthenticated, get("current"))).toBe(1);
  });

  it.each([
    ["an older session's token", unauthenticated, get("previous")],
    ["a request without a token (signing in)", unauthenticated, get()],
    [
      "a 401 for another reason",
      { status: 401, body: { error: { reason: "bad-password" } } },
      get("current"),
    ],
    ["a 403", { status: 403, body: { error: { reason: "unauthenticated" } } }, get("current")],
    ["no answer (offline)", null, get("current")],
    ["a success", { status: 200, body: {} }, get("current")],
  ])("ignores %s, and passes every answer through unchanged", async (_, response, request) => {
    expect(await endedAfter(response, request)).toBe(0);
  });
});
