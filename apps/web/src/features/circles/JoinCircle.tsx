import { type FormEvent, useState } from "react";
import { routes } from "../../app/routes.ts";
import { useCircles, useCirclesAccount } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { FormButtons, PasswordField, TextField, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { callAccount, Frame } from "../account/index.ts";
import { isCircleInvite } from "./invite-fragment.ts";
import { markReader } from "./reader-mark.ts";
import { WaitingToJoin } from "./WaitingToJoin.tsx";

const MIN_PASSWORD = 10;

/**
 * `/circle#…`: someone was sent a circle's invite link. Who sent it is known
 * only once they are let in, so the page says what it is in general words.
 * They read on this device only (a link-only reader, the default), or make
 * a light reader account to read on other devices too; then they wait until
 * the person lets them in. Loads nothing of a record.
 */
export function JoinCircle({ fragment, onLetIn }: { fragment: string; onLetIn: () => void }) {
  const t = useT();
  const circles = useCircles();
  const account = useCirclesAccount();
  const form = useForm<"username" | "password">();
  const [how, setHow] = useState<"device" | "account">("device");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [joined, setJoined] = useState<string | null>(null);

  async function join(e: FormEvent) {
    e.preventDefault();
    const withAccount = !account && how === "account";
    if (
      withAccount &&
      form.fail({
        username: username.trim() ? undefined : t("join.usernameNeeded"),
        password: password.length >= MIN_PASSWORD ? undefined : t("join.passwordShort"),
      })
    )
      return;
    if (!circles) return;
    const r = await callAccount(
      form,
      t,
      () =>
        circles.join({
          serverUrl: location.origin,
          fragment,
          deviceName: t("join.deviceName"),
          ...(withAccount && { username: username.trim(), password }),
        }),
      // Said here in the words of circles, not of signing in.
      (reason) =>
        reason === "device-has-record"
          ? { form: t("join.hasRecord") }
          : reason.startsWith("username-")
            ? { username: reasonText(t, reason) }
            : undefined,
    );
    if (!r.ok) return;
    markReader();
    // The link's token is spent: out of the address bar and history before the next screen shows.
    history.replaceState(null, "", routes.circle);
    setJoined(r.value.circleId);
  }

  if (joined) {
    return (
      <Frame title={t("join.waiting.title")}>
        <WaitingToJoin circleId={joined} onLetIn={onLetIn} />
      </Frame>
    );
  }

  return (
    <Frame title={t("join.title")} intro={t("join.intro")}>
      {!isCircleInvite(fragment) ? (
        <p className="card error" role="alert">
          {t("join.bad")}
        </p>
      ) : (
        <form className="card stack" onSubmit={join} noValidate>
          {account ? (
            <p>{t("join.signedIn")}</p>
          ) : (
            <fieldset className="plain-fieldset stack-tight">
              <legend>{t("join.how")}</legend>
              {(["device", "account"] as const).map((h) => (
                <label key={h} className="check-row">
                  <input
                    type="radio"
                    name="join-how"
                    value={h}
                    checked={how === h}
                    onChange={() => setHow(h)}
                  />
                  <span>
                    <span className="choice-title">{t(`join.${h}`)}</span>
                    <span className="hint">{t(`join.${h}.hint`)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          {!account && how === "account" && (
            <div className="stack-tight">
              <TextField
                {...form.bind("username", username, setUsername)}
                label={t("join.username")}
                autoComplete="username"
                verbatim
              />
              <PasswordField
                {...form.bind("password", password, setPassword)}
                label={t("join.password")}
                hint={t("join.passwordHint")}
                autoComplete="new-password"
              />
            </div>
          )}
          <p className="small muted">{t("join.private")}</p>
          <FormButtons
            form={form}
            label={t("join.join")}
            busyLabel={t("join.joining")}
            disabled={!circles}
          />
        </form>
      )}
    </Frame>
  );
}
