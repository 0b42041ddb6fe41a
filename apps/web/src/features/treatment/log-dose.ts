import { type DayDose, type DoseUnit, type InjectionSite, Temporal } from "@trellis/domain";
import { deviceZone, nowZoned } from "../../app/time.ts";
import type { Form } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

export type LoggedStatus = "taken" | "partial" | "skipped";

/** What the person says about a dose: how it went, when, how much, where, and a note. */
export interface DoseDetails {
  status: LoggedStatus;
  /** When it was taken (an instant with zone); skipped doses ask no time and keep "now". */
  takenAt?: string;
  amount?: { value: number; unit: DoseUnit };
  site?: InjectionSite | null;
  note?: string;
}

/** Records a dose through `form` (a one-tap button's, or the dose form's); true once it is saved. */
export type LogDose = (
  form: Pick<Form<string>, "record">,
  details: DoseDetails,
) => Promise<boolean>;

/**
 * Logging one planned dose, with "Logged ... / Undo" said in a toast. `undo`
 * is the form that takes the log back (the row's own, so a refusal has a place).
 */
export function useLogDose(
  dose: DayDose,
  undo: Pick<Form<string>, "record" | "newId">,
  onLogged?: () => void,
): LogDose {
  const { t, time } = useI18n();
  const toast = useToast();
  const zone = deviceZone();
  const name = dose.medicationName;
  return async (form, details) => {
    const r = await form.record("DoseLogged", {
      doseId: undo.newId(),
      planItemId: dose.planItemId,
      slot: { date: dose.date, time: dose.time },
      takenAt: details.status === "skipped" ? nowZoned(zone) : (details.takenAt ?? nowZoned(zone)),
      status: details.status,
      ...(details.status !== "skipped" && { amount: details.amount ?? dose.dose }),
      ...(details.status !== "skipped" && details.site && { site: details.site }),
      ...(details.note?.trim() && { note: details.note.trim() }),
    });
    if (!r.ok) return false;
    const doseId = r.value.payload.doseId;
    const at = time(Temporal.ZonedDateTime.from(r.value.payload.takenAt).epochMilliseconds, zone);
    toast.show(
      details.status === "skipped"
        ? t("doses.loggedSkipped", { name })
        : t("doses.logged", { name, time: at }),
      {
        label: t("doses.undo"),
        run: () => {
          void undo
            .record("DoseLogRetracted", { doseId })
            .then((u) => u.ok && toast.show(t("doses.undone")));
        },
      },
    );
    onLogged?.();
    return true;
  };
}
