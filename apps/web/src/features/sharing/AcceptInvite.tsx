import { type FormEvent, useEffect, useState } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { FormButtons, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { CreateAccountFlow, callAccount, Frame, SignInForm } from "../account/index.ts";
import { SafetyCode } from "./SafetyCode.tsx";

/** The link's fragment has the four parts an invite needs (checked properly when accepting). */
function looksLikeInvite(fragment: string): boolean {
  return ["v", "i", "t", "o"].every((k) => new RegExp(`(^#?|&)${k}=[^&]+`).test(fragment));
}

/**
 * `/invite#…`: the person invited makes an account (or signs in), joins, and
 * compares the safety code with the owner; when the owner confirms, the
 * record arrives and this screen says so.
 */
export function AcceptInviteScreen() {
  const t = useT();
  const sync = useAccountSync();
  const snapshot = useSyncSnapshot();
  const hasJourney = useJourneyState().journey !== null;
  const [fragment] = useState(() => location.hash);
  const [code, setCode] = useState<string | null>(null);
  const [mode, setMode] = useState<"create" | "sign-in">("create");
  const form = useForm();
  const vault = snapshot.vault;

  // After a reload while waiting, work the code out again from the owner's keys.
  useEffect(() => {
    if (!sync || vault?.state !== "waiting" || code) return;
    let cancelled = false;
    void sync.members().then((r) => {
      const owner = r.ok ? r.value.find((m) => m.role === "owner") : undefined;
      const again = owner ? sync.safetyCodeWith(owner) : null;
      if (!cancelled && again?.ok) setCode(again.value);
    });
    return () => {
      cancelled = true;
    };
  }, [sync, vault?.state, code]);

  // The token is spent: keep it out of the address bar and history.
  useEffect(() => {
    if (vault?.state === "active" && location.hash)
      history.replaceState(null, "", routes.sharing.accept);
  }, [vault?.state]);

  async function join(e: FormEvent) {
    e.preventDefault();
    if (!sync) return;
    const r = await callAccount(form, t, () => sync.acceptInvite(fragment));
    if (r.ok) setCode(r.value.safetyCode);
  }

  if (vault?.state === "active") {
    return (
      <Frame title={t("sharing.joined.title")}>
        <section className="card stack">
          <p>{t("sharing.joined.body")}</p>
          {hasJourney ? (
            <Link href={routes.today} className="button button-primary">
              {t("sharing.toToday")}
            </Link>
          ) : (
            <p role="status">{t("account.signedIn.coming")}</p>
          )}
        </section>
      </Frame>
    );
  }

  if (vault?.state === "waiting") {
    return (
      <Frame title={t("sharing.code.title")} intro={t("sharing.code.body")}>
        <section className="card stack">
          <SafetyCode code={code} />
          <p role="status">{t("sharing.code.waiting")}</p>
        </section>
      </Frame>
    );
  }

  return (
    <Frame title={t("sharing.accept.title")} intro={t("sharing.accept.intro")}>
      {!looksLikeInvite(fragment) ? (
        <p className="card error" role="alert">
          {t("sharing.accept.bad")}
        </p>
      ) : snapshot.account ? (
        <section className="card stack">
          <p>{t("sharing.accept.signedInAs", { username: snapshot.account.username })}</p>
          <form onSubmit={join} noValidate>
            <FormButtons
              form={form}
              label={t("sharing.accept.join")}
              busyLabel={t("sharing.accept.joining")}
              disabled={!sync}
            />
          </form>
        </section>
      ) : (
        <section className="card stack">
          <p>{t("sharing.accept.account")}</p>
          <div className="row">
            {(["create", "sign-in"] as const).map((m) => (
              <button
                key={m}
                type="button"
                className={`button${mode === m ? " button-chosen" : ""}`}
                aria-pressed={mode === m}
                onClick={() => setMode(m)}
              >
                {t(m === "create" ? "account.none.create" : "account.none.signIn")}
              </button>
            ))}
          </div>
          {mode === "create" ? (
            <CreateAccountFlow onDone={() => undefined} />
          ) : (
            <SignInForm onDone={() => undefined} />
          )}
          <p className="muted small">{t("account.e2e")}</p>
        </section>
      )}
    </Frame>
  );
}
