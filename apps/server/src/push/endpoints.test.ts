import { describe, expect, it } from "vitest";
import { checkPushEndpoint } from "./endpoints.ts";

describe("push endpoints on this computer", () => {
  it("plain HTTP only to a loopback host the operator added, written any way a URL writes it", () => {
    for (const [endpoint, allow] of [
      ["http://127.0.0.1:9/push", "127.0.0.1"],
      ["http://localhost:9/push", "localhost"],
      ["http://[::1]:9/push", "::1"],
    ] as const) {
      expect(checkPushEndpoint(endpoint, [allow]).ok, endpoint).toBe(true);
      expect(checkPushEndpoint(endpoint, []).ok, `${endpoint} not added`).toBe(false);
    }
    expect(checkPushEndpoint("http://10.0.0.1/push", ["10.0.0.1"])).toEqual({
      ok: false,
      problem: "must be an https URL.",
    });
  });
});
