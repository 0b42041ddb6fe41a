import { useCallback, useState } from "react";
import { Field, type Form, type Found } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import {
  defaultDeviceName,
  MIN_PASSWORD,
  ServerField,
  serverOrigin,
  TextField,
} from "./fields.tsx";

/** The fields of the account forms, named as the sync client names them where it can. */
export type AccountField = "username" | "key" | "password" | "again" | "deviceName" | "server";

export type AccountValues = Record<AccountField, string>;

/**
 * Which account form: making an account, signing in, recovering with the
 * key, or a new password while signed in. Each asks for its own fields.
 */
export type AccountMode = "create" | "sign-in" | "recover" | "change";

const asks: Record<AccountMode, readonly AccountField[]> = {
  create: ["username", "password", "again", "deviceName", "server"],
  "sign-in": ["username", "password", "deviceName", "server"],
  recover: ["username", "key", "password", "again", "deviceName", "server"],
  change: ["password", "again"],
};

/**
 * The values of an account form, starting from `start`, this device's name
 * and the server the app came from; `set(field)` changes one as typed,
 * `fill` several at once from what they are now.
 */
export function useAccountValues(
  t: ReturnType<typeof useT>,
  start: Partial<AccountValues> = {},
): [
  AccountValues,
  (field: AccountField) => (value: string) => void,
  (next: (now: AccountValues) => Partial<AccountValues>) => void,
] {
  const [values, setValues] = useState<AccountValues>(() => ({
    username: "",
    key: "",
    password: "",
    again: "",
    deviceName: defaultDeviceName(t),
    server: typeof location === "undefined" ? "" : location.origin,
    ...start,
  }));
  const set = (field: AccountField) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));
  // Stable, for an effect that fills in what loads later.
  const fill = useCallback(
    (next: (now: AccountValues) => Partial<AccountValues>) =>
      setValues((v) => ({ ...v, ...next(v) })),
    [],
  );
  return [values, set, fill];
}

/**
 * What is missing or wrong before anything is sent: a name, the key, a
 * password long enough (only asked to be there when signing in), the same
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

/**
 * The fields of one account form, in the order people expect them: who,
 * the recovery key, the password (twice when it is new), this device's
 * name, and the server folded away.
 */
export function AccountFields({
  form,
  mode,
  values,
  set,
}: {
  form: Pick<Form<AccountField>, "field">;
  mode: AccountMode;
  values: AccountValues;
  set: (field: AccountField) => (value: string) => void;
}) {
  const t = useT();
  const asked = new Set(asks[mode]);
  const newPassword = mode !== "sign-in";
  return (
    <>
      {asked.has("username") && (
        <TextField
          {...form.field("username")}
          label={t("account.username")}
          hint={mode === "create" ? t("account.username.hint") : undefined}
          value={values.username}
          onChange={set("username")}
          autoComplete="username"
        />
      )}
      {asked.has("key") && (
        <Field
          {...form.field("key")}
          label={t("account.recoveryKey")}
          hint={t("account.recoveryKey.hint")}
        >
          {(input) => (
            <textarea
              {...input}
              className="recovery-input"
              rows={3}
              value={values.key}
              onChange={(e) => set("key")(e.target.value)}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
      )}
      <TextField
        {...form.field("password")}
        label={t(mode === "create" || !newPassword ? "account.password" : "account.newPassword")}
        hint={newPassword ? t("account.password.hint") : undefined}
        type="password"
        value={values.password}
        onChange={set("password")}
        autoComplete={newPassword ? "new-password" : "current-password"}
      />
      {asked.has("again") && (
        <TextField
          {...form.field("again")}
          label={t("account.password.again")}
          type="password"
          value={values.again}
          onChange={set("again")}
          autoComplete="new-password"
        />
      )}
      {asked.has("deviceName") && (
        <TextField
          {...form.field("deviceName")}
          label={t("account.deviceName")}
          hint={t("account.deviceName.hint")}
          value={values.deviceName}
          onChange={set("deviceName")}
        />
      )}
      {asked.has("server") && (
        <ServerField {...form.field("server")} value={values.server} onChange={set("server")} />
      )}
    </>
  );
}
