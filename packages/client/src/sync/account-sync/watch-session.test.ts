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

const signedOutElsewhere = {
  status: 401,
  body: { error: { reason: "signed-out-elsewhere" } },
};

/** How often each callback was called: [ended, ended elsewhere]. */
async function heard(response: TransportResponse | null, request: TransportRequest) {
  const count = [0, 0];
  const watched = watchSession(
    answering(response),
    () => "current",
    () => {
      count[0]! += 1;
    },
    () => {
      count[1]! += 1;
    },
  );
  const answer = await watched.request(request);
  expect(answer).toBe(response);
  return count;
}
const endedAfter = async (response: TransportResponse | null, request: TransportRequest) =>
  (await heard(response, request)).reduce((a, b) => a + b, 0);

describe("noticing that the server ended this device's sign-in", () => {
  it("notices a 401 unauthenticated answer to a request made with the current token", async () => {
    expect(await heard(unauthenticated, get("current"))).toEqual([1, 0]);
  });

  it("tells signed-out-elsewhere apart: the device is to forget, not sign in again", async () => {
    expect(await heard(signedOutElsewhere, get("current"))).toEqual([0, 1]);
  });

  it.each([
    ["an older session's token", unauthenticated, get("previous")],
    ["signed-out-elsewhere for an older session's token", signedOutElsewhere, get("previous")],
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
