import { useEffect, useId, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { SymptomCheck } from "../wellbeing/index.ts";

/**
 * "How do you feel?" stays one line on Today until the person opens it. In
 * the days after a retrieval it says so, and the check is of that cycle.
 */
export function FeelingCheck({
  cycleId,
  afterRetrieval = false,
}: {
  cycleId: string | undefined;
  afterRetrieval?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    // The button that opened the check is gone: put the keyboard at the check's first question.
    if (open)
      document.querySelector<HTMLElement>(".symptom-check input, .symptom-check button")?.focus();
  }, [open]);
  if (open) return <SymptomCheck {...(cycleId && { cycleId })} />;
  return (
    <section
      className={`card feel${afterRetrieval ? " highlight" : ""}`}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{t(afterRetrieval ? "today.afterRetrieval.title" : "today.feel")}</h2>
      <p className="hint">{t(afterRetrieval ? "today.afterRetrieval.hint" : "today.feel.hint")}</p>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t("today.feel.open")}
      </button>
    </section>
  );
}
