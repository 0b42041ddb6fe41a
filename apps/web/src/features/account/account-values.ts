/**
 * What the account forms ask for and the rules they check before anything is
 * sent: the fields of each form, a password long enough and typed twice, a
 * device name, a server address the app can use.
 */
import type { Found } from "../../components/forms/index.ts";
import type { useT } from "../../i18n/i18n.tsx";

export const MIN_PASSWORD = 10;

/** The fields of the account forms. */
export type AccountField =
  | "username"
  | "key"
  | "current"
  | "password"
  | "again"
  | "deviceName"
  | "server";

export type AccountValues = Record<AccountField, string>;

/**
 * Which account form: making an account, signing in, recovering with the
 * key, or a new password while signed in. Each asks for its own fields.
 */
export type AccountMode = "create" | "sign-in" | "recover" | "change";

/** The fields each form asks for, in the order people expect them. */
export const asks: Record<AccountMode, readonly AccountField[]> = {
  create: ["username", "password", "again", "deviceName", "server"],
  "sign-in": ["username", "password", "deviceName", "server"],
  recover: ["username", "key", "password", "again", "deviceName", "server"],
  // The server wants the current password proven before it takes a new one.
  change: ["current", "password", "again"],
};

export function defaultDeviceName(t: ReturnType<typeof useT>): string {
  const touch = typeof matchMedia === "function" && matchMedia("(pointer: coarse)").matches;
  return touch ? t("account.deviceName.phone") : t("account.deviceName.computer");
}

/** An origin the app can talk to (http(s), no path), or null. */
export function serverOrigin(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * What is missing or wrong before anything is sent: a name, the key, the
 * current password (to change it), a password long enough (only asked to be there when signing in), the same
 * password twice, a device name, a server address the app can use.
 */
export function accountChecks(
  t: ReturnType<typeof useT>,
  mode: AccountMode,
  v: AccountValues,
): Found<AccountField> {
  const asked = new Set(asks[mode]);
  const required = (field: AccountField, text: string) =>
    asked.has(field) && !text.trim() ? t("form.required") : undefined;
  const password =
    mode === "sign-in"
      ? required("password", v.password)
      : v.password.length < MIN_PASSWORD
        ? t("account.password.short")
        : undefined;
  return {
    username: required("username", v.username),
    key: required("key", v.key),
    current: asked.has("current") && !v.current ? t("form.required") : undefined,
    password,
    again:
      asked.has("again") && !password && v.again !== v.password
        ? t("account.password.mismatch")
        : undefined,
    deviceName: required("deviceName", v.deviceName),
    server:
      asked.has("server") && !serverOrigin(v.server) ? t("account.server.invalid") : undefined,
  };
}

/** Who is signing in from where, as the sync client's calls take it. */
export function accountInput(v: AccountValues) {
  return {
    serverUrl: serverOrigin(v.server)!,
    username: v.username,
    deviceName: v.deviceName.trim(),
  };
}
