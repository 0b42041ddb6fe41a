import { type FormEvent, useEffect, useState } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { useSyncSnapshot } from "../../app/sync-context.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { AccountForm, useAccountForm } from "./AccountForm.tsx";
import { AccountLinks } from "./AccountLinks.tsx";
import { accountInput } from "./account-values.ts";
import { Frame } from "./Frame.tsx";

/**
 * Username and password; on success the account's record starts coming to
 * this device. After a sign-in ended, the account's name, server and device
 * name are filled in: only the password is asked for again.
 */
export function SignInForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const { account: known, signInNeeded } = useSyncSnapshot();
  const again = signInNeeded ? known : null;
  const account = useAccountForm(
    "sign-in",
    again
      ? { username: again.username, deviceName: again.deviceName, server: again.serverUrl }
      : {},
  );
  const { fill, values } = account;
  // The account can load after the first paint; fill in what is known then, once.
  const [filled, setFilled] = useState(again !== null);
  useEffect(() => {
    if (filled || !again) return;
    setFilled(true);
    fill((now) => ({
      username: now.username || again.username,
      deviceName: again.deviceName,
      server: again.serverUrl,
    }));
  }, [filled, again, fill]);

  async function submit(e: FormEvent) {
    const r = await account.send(e, (s) =>
      s.signIn({ ...accountInput(values), password: values.password }),
    );
    if (r?.ok) onDone();
  }

  return (
    <AccountForm
      account={account}
      onSubmit={submit}
      label={t("account.signIn.submit")}
      busyLabel={t("account.signingIn")}
    />
  );
}

/** What a signed-in device is doing: bringing the record here, or waiting for one. */
export function SignedInPanel() {
  const t = useT();
  const snapshot = useSyncSnapshot();
  const hasJourney = useJourneyState().journey !== null;
  const coming = snapshot.vault !== null && !hasJourney;
  return (
    <section className="card stack" aria-labelledby="signed-in-title">
      <h2 id="signed-in-title">{t("account.signedIn.title")}</h2>
      {snapshot.account && (
        <p>
          {t("account.signedInAs", {
            username: snapshot.account.username,
            server: new URL(snapshot.account.serverUrl).host,
          })}
        </p>
      )}
      {coming && <p role="status">{t("account.signedIn.coming")}</p>}
      {!snapshot.vault && !hasJourney && <p>{t("account.signedIn.empty")}</p>}
      {hasJourney ? (
        <Link href={routes.today} className="button button-primary">
          {t("sharing.toToday")}
        </Link>
      ) : (
        !snapshot.vault && (
          <Link href={routes.today} className="button">
            {t("account.signedIn.start")}
          </Link>
        )
      )}
    </section>
  );
}

export function SignInScreen() {
  const t = useT();
  const snapshot = useSyncSnapshot();
  const [done, setDone] = useState(false);
  const again = snapshot.signInNeeded === true || snapshot.status?.reason === "unauthenticated";
  return (
    <Frame
      title={t("account.signIn.title")}
      intro={again && !done ? t("account.signIn.again.intro") : t("account.signIn.intro")}
    >
      {done || (snapshot.account && !again) ? (
        <SignedInPanel />
      ) : (
        <>
          <div className="card">
            <SignInForm onDone={() => setDone(true)} />
          </div>
          <AccountLinks
            links={[
              [routes.account.recover, "account.signIn.forgot"],
              [routes.account.create, "account.signIn.create"],
            ]}
          />
        </>
      )}
    </Frame>
  );
}
