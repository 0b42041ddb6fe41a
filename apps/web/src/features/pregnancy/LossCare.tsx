import { type OutcomeKind, remembranceForTransfer } from "@trellis/domain";
import { useEffect, useId, useRef } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { ButtonLine, useForm } from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { SupportLines } from "../clinics/index.ts";

/**
 * After a loss: sorry, plainly; quiet mode one tap away; a remembrance page
 * offered (a plain link that opens it filled in from the record), never
 * pushed; people to talk to. Open and focused right after recording;
 * folded on later visits. Quiet mode and remembrance are the record keepers'
 * to choose, so a viewer sees the words and the people to talk to.
 */
export function LossCare({
  kind,
  transferId,
  open,
}: {
  kind: OutcomeKind;
  transferId: string;
  open: boolean;
}) {
  const { t } = useI18n();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const action = useForm({ formLine: "toast" });
  const heading = useRef<HTMLHeadingElement>(null);
  const quiet = state.preferences.quietMode;
  const negative = kind === "negative";
  const kept = remembranceForTransfer(state, transferId);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);

  async function quietOn() {
    const r = await action.changeDeviceSettings({ quietMode: true });
    if (r.ok) toast.show(t("quiet.on"));
  }

  const body = (
    <div className="stack">
      <p>{t(negative ? "loss.negative.body" : "loss.body")}</p>
      <WhenCanRecord>
        <section className="stack-tight" aria-labelledby={`${id}-quiet`}>
          <h3 id={`${id}-quiet`}>{t("loss.quiet")}</h3>
          {quiet ? (
            <p>{t("loss.quiet.isOn")}</p>
          ) : (
            <>
              <p className="small">{t("loss.quiet.body")}</p>
              <ButtonLine label={t("loss.quiet.on")} onClick={() => void quietOn()} />
            </>
          )}
        </section>
        {!negative && (
          <section className="stack-tight" aria-labelledby={`${id}-remember`}>
            <h3 id={`${id}-remember`}>{t("loss.remember")}</h3>
            <p className="small">{t("loss.remember.body")}</p>
            <Link href={routes.remembrance.forTransfer(transferId)}>
              {t(kept ? "loss.remember.open" : "loss.remember.link")}
            </Link>
          </section>
        )}
      </WhenCanRecord>
      <SupportLines headingLevel={3} />
    </div>
  );

  return (
    <section className="card loss-care" aria-labelledby={`${id}-title`}>
      {open ? (
        <>
          <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
            {t(negative ? "loss.negative.title" : "loss.title")}
          </h2>
          {body}
        </>
      ) : (
        <details>
          <summary>
            <h2 id={`${id}-title`} className="summary-heading">
              {t("loss.support")}
            </h2>
          </summary>
          {body}
        </details>
      )}
    </section>
  );
}
