import type { Cycle, QuietCycle } from "@trellis/domain";
import { useId } from "react";
import { FormError, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

type Answer = "completed" | "cancelled" | "not-yet";

const answers: readonly { answer: Answer; label: "finished" | "stopped" | "notYet" }[] = [
  { answer: "completed", label: "finished" },
  { answer: "cancelled", label: "stopped" },
  { answer: "not-yet", label: "notYet" },
];

/**
 * "Is this cycle over?" for a cycle with nothing recorded for 14 days after
 * its retrieval or transfer. Ending it records `CycleEnded` (finished or
 * stopped, never a word of blame); "Not yet" records `CycleStillOpen`, which
 * syncs, and the question comes back a week later.
 */
export function CycleOverQuestion({
  cycle,
  quiet,
  today,
}: {
  cycle: Cycle;
  quiet: QuietCycle;
  today: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const id = useId();
  const form = useForm();

  async function answer(choice: Answer) {
    const r =
      choice === "not-yet"
        ? await form.record("CycleStillOpen", { cycleId: cycle.id, on: today })
        : await form.record("CycleEnded", { cycleId: cycle.id, status: choice, endedOn: today });
    if (r.ok) {
      toast.show(t(choice === "not-yet" ? "today.cycleOver.later" : "today.cycleOver.ended"));
    }
  }

  return (
    <section className="card stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("today.cycleOver.title")}</h2>
      <p>
        {t("today.cycleOver.body", {
          protocol: cycle.protocolName,
          date: i18n.day(quiet.lastRecordedOn),
        })}
      </p>
      <div className="row">
        {answers.map(({ answer: a, label }) => (
          <button
            key={a}
            type="button"
            className={a === "not-yet" ? "button button-quiet" : "button"}
            disabled={form.busy}
            onClick={() => void answer(a)}
          >
            {t(`today.cycleOver.${label}`)}
          </button>
        ))}
      </div>
      <FormError>{form.formError}</FormError>
    </section>
  );
}
