import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useT } from "../../i18n/i18n.tsx";

/** On set-up: for someone who already keeps their record with an account, on another device. */
export function SignInOffer() {
  const t = useT();
  return (
    <section className="restore stack-tight" aria-labelledby="sign-in-offer-title">
      <h2 id="sign-in-offer-title">{t("account.offer.title")}</h2>
      <p className="hint">{t("account.offer.body")}</p>
      <Link href={routes.account.signIn} className="button">
        {t("account.none.signIn")}
      </Link>
    </section>
  );
}
