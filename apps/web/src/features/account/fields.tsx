/** Form fields the account screens share: server, username, password, device name. */
import { Field } from "../../components/forms/Field.tsx";
import { useT } from "../../i18n/i18n.tsx";

export const MIN_PASSWORD = 10;

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

type Errors = Partial<Record<string, string>>;

export function TextField({
  id,
  label,
  hint,
  value,
  onChange,
  errors,
  type = "text",
  autoComplete,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  errors: Errors;
  type?: "text" | "password" | "url";
  autoComplete?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={errors[id]}>
      {(input) => (
        <input
          {...input}
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
        />
      )}
    </Field>
  );
}

/** The server address, folded away: almost everyone uses the one the app came from. */
export function ServerField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (value: string) => void;
  errors: Errors;
}) {
  const t = useT();
  return (
    <details className="server-choice" open={Boolean(errors["account-server"])}>
      <summary>
        <span className="server-label">{t("account.server")}:</span>{" "}
        <span className="server-name">{value}</span>
        <span className="server-change">{t("account.server.change")}</span>
      </summary>
      <TextField
        id="account-server"
        label={t("account.server")}
        hint={t("account.server.hint")}
        type="url"
        value={value}
        onChange={onChange}
        errors={errors}
        autoComplete="url"
      />
    </details>
  );
}

/** Focuses the first field with an error, the way the other forms do. */
export function focusFirst(errors: Errors): void {
  const first = Object.keys(errors)[0];
  if (!first) return;
  const element = document.getElementById(first);
  if (element?.closest("details")) element.closest("details")!.open = true;
  element?.focus();
}
