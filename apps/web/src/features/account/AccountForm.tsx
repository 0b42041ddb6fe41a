import type { AccountSync, SyncFailure } from "@trellis/client/sync";
import type { Result } from "@trellis/domain";
import { type FormEvent, type ReactNode, useCallback, useState } from "react";
import { useAccountSync } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import {
  Field,
  type Form,
  FormButtons,
  type Found,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import type { MessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n.tsx";
import {
  type AccountField,
  type AccountMode,
  type AccountValues,
  accountChecks,
  asks,
  defaultDeviceName,
} from "./account-values.ts";
import { callAccount } from "./calls.ts";

/**
 * One account form (create, sign in, recover, change password): its values,
 * starting from `start`, this device's name and the server the app came
 * from; `set(field)` changes one as typed, `fill` several at once. `send`
 * checks the fields, then runs a sync call with the form busy (see
 * `callAccount`); it answers null when the checks found something.
 */
export function useAccountForm(mode: AccountMode, start: Partial<AccountValues> = {}) {
  const t = useT();
  const sync = useAccountSync();
  const form = useForm<AccountField>();
  const [values, setValues] = useState<AccountValues>(() => ({
    username: "",
    key: "",
    current: "",
    password: "",
    again: "",
    deviceName: defaultDeviceName(t),
    server: location.origin,
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
  /** True when the fields are fine and the sync client is there. */
  const check = () => !form.fail(accountChecks(t, mode, values)) && sync !== null;
  async function send<T>(
    e: FormEvent,
    call: (sync: AccountSync) => Promise<Result<T, SyncFailure>>,
    words?: (reason: string) => Found<AccountField> | undefined,
  ): Promise<Result<T, SyncFailure> | null> {
    e.preventDefault();
    if (!check() || !sync) return null;
    // A name the server would not take is said beside it, unless the screen says otherwise.
    const beside = (reason: string): Found<AccountField> | undefined => {
      const field = typedField(reason);
      return field ? { [field]: reasonText(t, reason) } : undefined;
    };
    return callAccount(
      form,
      t,
      () => call(sync),
      (reason) => words?.(reason) ?? beside(reason),
    );
  }
  return { mode, form, values, set, fill, sync, check, send };
}

export type AccountFormState = ReturnType<typeof useAccountForm>;

/** The field a refusal of what was typed belongs to: a username or a device name the server would not take. */
export function typedField(reason: string): "username" | "deviceName" | null {
  if (reason === "username-invalid" || reason === "username-taken") return "username";
  if (reason === "username-confusable") return "username";
  return reason === "device-name-invalid" ? "deviceName" : null;
}

/**
 * An account form: its fields in the order people expect them (who, the
 * recovery key, the password, twice when it is new, this device's name,
 * the server folded away), anything the screen adds (`children`), and the
 * button, which waits for the sync client and says `busyLabel` while busy.
 */
export function AccountForm({
  account,
  onSubmit,
  label,
  busyLabel,
  className = "stack",
  children,
}: {
  account: AccountFormState;
  onSubmit: (e: FormEvent) => void;
  label: string;
  busyLabel?: string;
  className?: string;
  children?: ReactNode;
}) {
  const { form, mode, values, set } = account;
  return (
    <form className={className} onSubmit={onSubmit} noValidate>
      {asks[mode].map((field) => (
        <AccountInput key={field} form={form} mode={mode} field={field} values={values} set={set} />
      ))}
      {children}
      <FormButtons form={form} label={label} busyLabel={busyLabel} disabled={!account.sync} />
    </form>
  );
}

type Spec = {
  label: MessageKey;
  hint?: MessageKey | undefined;
  type?: "password";
  autoComplete?: string;
};

/** How a field reads on a form of this mode. */
function specOf(field: Exclude<AccountField, "key" | "server">, mode: AccountMode): Spec {
  const newPassword = mode !== "sign-in";
  switch (field) {
    case "username":
      return {
        label: "account.username",
        hint: mode === "create" ? "account.username.hint" : undefined,
        autoComplete: "username",
      };
    case "password":
      return {
        label: mode === "recover" || mode === "change" ? "account.newPassword" : "account.password",
        hint: newPassword ? "account.password.hint" : undefined,
        type: "password",
        autoComplete: newPassword ? "new-password" : "current-password",
      };
    case "current":
      return {
        label: "account.currentPassword",
        hint: "account.currentPassword.hint",
        type: "password",
        autoComplete: "current-password",
      };
    case "again":
      return { label: "account.password.again", type: "password", autoComplete: "new-password" };
    case "deviceName":
      return { label: "account.deviceName", hint: "account.deviceName.hint" };
  }
}

/** One field of an account form, typed as is: no capitals or corrections from the keyboard. */
function AccountInput({
  form,
  mode,
  field,
  values,
  set,
}: {
  form: Pick<Form<AccountField>, "field">;
  mode: AccountMode;
  field: AccountField;
  values: AccountValues;
  set: (field: AccountField) => (value: string) => void;
}) {
  const t = useT();
  if (field === "server") {
    return <ServerField {...form.field(field)} value={values.server} onChange={set(field)} />;
  }
  if (field === "key") {
    return (
      <Field
        {...form.field(field)}
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
    );
  }
  const { label, hint, ...input } = specOf(field, mode);
  return (
    <TextField
      {...form.field(field)}
      {...input}
      label={t(label)}
      hint={hint && t(hint)}
      verbatim
      value={values[field]}
      onChange={set(field)}
    />
  );
}

/** The server address, folded away (open while it is in error): almost everyone uses the one the app came from. */
function ServerField({
  id,
  error,
  value,
  onChange,
}: {
  id: string;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <details className="server-choice" open={Boolean(error)}>
      <summary>
        <span className="server-label">{t("account.server")}:</span>{" "}
        <span className="server-name">{value}</span>
        <span className="server-change">{t("account.server.change")}</span>
      </summary>
      <TextField
        id={id}
        error={error}
        label={t("account.server")}
        hint={t("account.server.hint")}
        type="url"
        verbatim
        value={value}
        onChange={onChange}
        autoComplete="url"
      />
    </details>
  );
}
