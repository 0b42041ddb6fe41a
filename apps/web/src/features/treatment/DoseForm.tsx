import { type DayDose, type InjectionSite, sitesFor, Temporal } from "@trellis/domain";
import { type FormEvent, useState } from "react";
import { deviceZone } from "../../app/time.ts";
import {
  DateTimeField,
  FormButtons,
  isInFuture,
  localInputNow,
  NumberField,
  PillGroup,
  SelectField,
  TextField,
  useForm,
  zonedFromLocalInput,
} from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { LogDose, LoggedStatus } from "./log-dose.ts";

type DoseField = "time" | "amount" | "site" | "note";

/**
 * When a dose was taken, as the form first offers it: its planned time once
 * that has passed (a dose logged the next morning was most likely taken at
 * its time), otherwise now. A `datetime-local` value in `zone`.
 */
export function takenAtDefault(dose: Pick<DayDose, "epochMs">, nowMs: number, zone: string) {
  if (dose.epochMs > nowMs) return localInputNow(zone);
  return Temporal.Instant.fromEpochMilliseconds(dose.epochMs)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
}

/**
 * Logging one dose in full: taken, taken in part or skipped; when (date and
 * time, so a past dose keeps its real time; never later than now); how much
 * and where. "Skipped" asks no time, amount or site.
 */
export function DoseForm({
  id,
  dose,
  suggested,
  onSave,
  onCancel,
}: {
  id: string;
  dose: DayDose;
  suggested: InjectionSite | null;
  onSave: LogDose;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form = useForm<DoseField>({ from: { takenAt: "time" } });
  const zone = deviceZone();
  const planned = dose.dose;
  const sites = sitesFor(dose.route);
  const [status, setStatus] = useState<LoggedStatus>("taken");
  const [when, setWhen] = useState(() => takenAtDefault(dose, Date.now(), zone));
  const [amount, setAmount] = useState(planned.value);
  const [site, setSite] = useState<InjectionSite | "">(suggested ?? "");
  const [note, setNote] = useState("");
  const skipped = status === "skipped";

  async function submit(e: FormEvent) {
    e.preventDefault();
    const takenAt = skipped ? null : zonedFromLocalInput(when, zone);
    const found = {
      time: skipped
        ? undefined
        : !takenAt
          ? t("form.required")
          : isInFuture(takenAt, Date.now())
            ? t("doses.form.takenAt.future")
            : undefined,
    };
    if (form.fail(found)) return;
    await onSave(form, {
      status,
      ...(takenAt && { takenAt }),
      ...(!skipped && { amount: { value: amount, unit: planned.unit } }),
      site: skipped ? null : site || null,
      note,
    });
  }

  return (
    <form
      id={id}
      className="stack-tight dose-form"
      onSubmit={submit}
      aria-label={t("doses.form.title", { name: dose.medicationName })}
      noValidate
    >
      <PillGroup
        legend={t("doses.form.status")}
        name={`${id}-status`}
        options={(["taken", "partial", "skipped"] as const).map((s) => ({
          value: s,
          label: t(`doses.form.status.${s}`),
        }))}
        value={status}
        onChange={(s) => {
          setStatus(s);
          form.clear();
        }}
      />
      {!skipped && (
        <>
          <DateTimeField
            {...form.field("time")}
            label={t("doses.form.takenAt")}
            value={when}
            onChange={setWhen}
          />
          <NumberField
            {...form.field("amount")}
            label={`${t("doses.form.amount")} (${t(`unit.${planned.unit}`)})`}
            min="0"
            value={amount}
            onChange={setAmount}
          />
        </>
      )}
      {!skipped && sites.length > 0 && (
        <SelectField
          {...form.field("site")}
          label={t("doses.site")}
          hint={suggested ? t("doses.site.suggested", { site: t(`site.${suggested}`) }) : undefined}
          options={[
            { value: "" as const, label: "—" },
            ...sites.map((s) => ({ value: s, label: t(`site.${s}`) })),
          ]}
          value={site}
          onChange={setSite}
        />
      )}
      <TextField
        {...form.bind("note", note, setNote)}
        label={t("doses.form.note")}
        maxLength={500}
      />
      <FormButtons form={form} label={t("doses.form.save")} onCancel={onCancel} />
    </form>
  );
}
