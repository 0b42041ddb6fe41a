/** Form fields the account screens share: a text or password input, and the server address. */
import { Field } from "../../components/forms/index.ts";
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

/**
 * A name, a password or an address as typed, never corrected or capitalised
 * by the keyboard. `{...form.field(name)}` gives it `id` and `error`.
 */
export function TextField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  type = "text",
  autoComplete,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  type?: "text" | "password" | "url";
  autoComplete?: string | undefined;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
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

/** The server address, folded away (open while it is in error): almost everyone uses the one the app came from. */
export function ServerField({
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
        value={value}
        onChange={onChange}
        autoComplete="url"
      />
    </details>
  );
}
