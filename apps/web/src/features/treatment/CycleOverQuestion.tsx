import type { Cycle, QuietCycle } from "@trellis/domain";
import { useId, useState } from "react";
import { useClient } from "../../app/client-context.tsx";
import { FormError } from "../../components/forms/Field.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { notSaved } from "../../i18n/refusals.ts";

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
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function answer(choice: "completed" | "cancelled" | "not-yet") {
    setBusy(true);
    const r =
      choice === "not-yet"
        ? await client.record("CycleStillOpen", { cycleId: cycle.id, on: today })
        : await client.record("CycleEnded", { cycleId: cycle.id, status: choice, endedOn: today });
    setBusy(false);
    if (!r.ok) {
      setError(notSaved(i18n, r.error));
      return;
    }
    toast.show(t(choice === "not-yet" ? "today.cycleOver.later" : "today.cycleOver.ended"));
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
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void answer("completed")}
        >
          {t("today.cycleOver.finished")}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void answer("cancelled")}
        >
          {t("today.cycleOver.stopped")}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={busy}
          onClick={() => void answer("not-yet")}
        >
          {t("today.cycleOver.notYet")}
        </button>
      </div>
      <FormError>{error}</FormError>
    </section>
  );
}
