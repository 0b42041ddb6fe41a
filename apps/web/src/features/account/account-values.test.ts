import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.tsx";
import {
  type AccountValues,
  accountChecks,
  accountInput,
  asks,
  MIN_PASSWORD,
  serverOrigin,
} from "./account-values.ts";

const { t } = createI18n(["en"]);

const filled: AccountValues = {
  username: "maya",
  key: "ABCD-EFGH",
  current: "the password from before",
  password: "a long password for tests",
  again: "a long password for tests",
  deviceName: "Phone",
  server: "https://trellis.example",
};

/** The fields a check found something wrong with, and what it said. */
const found = (mode: Parameters<typeof accountChecks>[1], v: Partial<AccountValues>) =>
  Object.fromEntries(
    Object.entries(accountChecks(t, mode, { ...filled, ...v })).filter(([, words]) => words),
  );

describe("the account forms' own checks", () => {
  it("find nothing wrong in a form filled in well, whichever form it is", () => {
    for (const mode of Object.keys(asks) as (keyof typeof asks)[]) {
      expect(found(mode, {})).toEqual({});
    }
  });

  it("ask for every field the form shows, and only those", () => {
    const empty = { username: " ", key: "", deviceName: "  " };
    expect(Object.keys(found("recover", empty))).toEqual(["username", "key", "deviceName"]);
    expect(Object.keys(found("sign-in", empty))).toEqual(["username", "deviceName"]);
    expect(found("change", empty)).toEqual({});
    expect(found("change", { current: "" })).toEqual({ current: t("form.required") });
  });

  it("want a new password long enough and typed twice the same, but only the password when signing in", () => {
    const short = "x".repeat(MIN_PASSWORD - 1);
    expect(found("create", { password: short, again: "other" })).toEqual({
      password: t("account.password.short"),
    });
    expect(found("change", { again: "not the same" })).toEqual({
      again: t("account.password.mismatch"),
    });
    expect(found("sign-in", { password: short, again: "" })).toEqual({});
    expect(found("sign-in", { password: "" })).toEqual({ password: t("form.required") });
  });

  it("want a server address the app can talk to", () => {
    expect(found("sign-in", { server: "trellis.example" })).toEqual({
      server: t("account.server.invalid"),
    });
    expect(found("change", { server: "trellis.example" })).toEqual({});
    expect(serverOrigin(" https://trellis.example/sync/ ")).toBe("https://trellis.example");
    expect(serverOrigin("ftp://trellis.example")).toBeNull();
  });
});

describe("who signs in from where", () => {
  it("is the server's origin, the name as typed and the device name trimmed", () => {
    expect(
      accountInput({ ...filled, server: "http://localhost:8080/x", deviceName: " Laptop " }),
    ).toEqual({ serverUrl: "http://localhost:8080", username: "maya", deviceName: "Laptop" });
  });
});
