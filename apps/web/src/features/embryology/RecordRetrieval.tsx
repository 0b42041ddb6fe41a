import type { BatchDraft } from "@trellis/client";
import { cycleClinicName, cycleList } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useLocation } from "wouter";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { CountField, DateField, TextField } from "../../components/forms/inputs.tsx";
import { PillCheck } from "../../components/forms/PillGroup.tsx";
import { parseCount } from "../../components/forms/parse.ts";
import { Page } from "../../components/Page.tsx";
import { RecordingScreen } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { fieldOf, refusalText } from "../../i18n/refusals.ts";

type Errors = Record<string, string>;

/**
 * Day 0 of a retrieval: the date, the cycle and clinic, follicles at trigger,
 * eggs retrieved, mature eggs if known, and eggs frozen for egg freezing. The
 * retrieval and its frozen eggs are saved together, or not at all.
 */
export function RecordRetrieval() {
  const { t } = useI18n();
  return (
    <RecordingScreen title={t("embryos.new.title")}>
      <RecordRetrievalForm />
    </RecordingScreen>
  );
}

function RecordRetrievalForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const [, navigate] = useLocation();
  const id = useId();
  const zone = state.journey!.homeZone;
  const cycles = cycleList(state).filter(
    (c) => c.cycleType === "stimulation" || c.cycleType === "egg-freezing",
  );
  const [date, setDate] = useState(todayIso(zone));
  const [cycleId, setCycleId] = useState(cycles.find((c) => c.status === "active")?.id ?? "");
  const [clinic, setClinic] = useState(() => (cycleId && cycleClinicName(state, cycleId)) || "");
  const [follicles, setFollicles] = useState("");
  const [eggs, setEggs] = useState("");
  const [mature, setMature] = useState("");
  const [freeze, setFreeze] = useState(
    cycles.find((c) => c.id === cycleId)?.cycleType === "egg-freezing",
  );
  const [frozen, setFrozen] = useState("");
  const [location, setLocation] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    const read = (name: string, text: string, required: boolean) => {
      const n = parseCount(text);
      if (n === null) {
        if (required) found[name] = t("form.required");
        return undefined;
      }
      if (Number.isNaN(n)) {
        found[name] = t("embryos.form.notACount");
        return undefined;
      }
      return n;
    };
    const eggsN = read("eggsRetrieved", eggs, true);
    const matureN = read("mature", mature, false);
    const folliclesN = read("folliclesAtTrigger", follicles, false);
    const frozenN = freeze ? read("count", frozen, true) : undefined;
    if (!date) found.retrievedOn = t("form.required");
    else if (date > todayIso(zone)) found.retrievedOn = t("form.dateInFuture");
    if (Object.keys(found).length > 0) return setErrors(found);
    const retrievalId = client.newId();
    const drafts: BatchDraft[] = [
      {
        type: "RetrievalRecorded",
        payload: {
          retrievalId,
          retrievedOn: date,
          eggsRetrieved: eggsN!,
          ...(cycleId && { cycleId }),
          ...(clinic.trim() && { clinic: clinic.trim() }),
          ...(folliclesN !== undefined && { folliclesAtTrigger: folliclesN }),
          ...(matureN !== undefined && { mature: matureN }),
        },
      },
    ];
    if (freeze && frozenN) {
      drafts.push({
        type: "OocytesVitrified",
        payload: {
          batchId: client.newId(),
          retrievalId,
          frozenOn: date,
          count: frozenN,
          ...(location.trim() && { storage: { location: location.trim() } }),
        },
      });
    }
    setBusy(true);
    const r = await client.recordBatch(drafts);
    setBusy(false);
    if (!r.ok) {
      const field = fieldOf(r.error);
      const known = [
        "retrievedOn",
        "eggsRetrieved",
        "mature",
        "folliclesAtTrigger",
        "count",
        "clinic",
      ];
      return setErrors(
        known.includes(field)
          ? { [field]: refusalText(i18n, r.error) }
          : { form: refusalText(i18n, r.error) },
      );
    }
    toast.show(t("embryos.new.saved"));
    navigate(routes.embryos.cohort(retrievalId));
  }

  return (
    <Page title={t("embryos.new.title")} intro={t("embryos.new.intro")}>
      <form className="card stack" onSubmit={save} noValidate>
        <DateField
          id={`${id}-date`}
          label={t("embryos.new.date")}
          value={date}
          onChange={setDate}
          error={errors.retrievedOn}
        />
        {cycles.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-cycle`}>{t("embryos.new.cycle")}</label>
            <select
              id={`${id}-cycle`}
              value={cycleId}
              onChange={(e) => {
                setCycleId(e.target.value);
                const named = e.target.value && cycleClinicName(state, e.target.value);
                if (named && !clinic) setClinic(named);
              }}
            >
              <option value="">{t("embryos.new.cycle.none")}</option>
              {cycles.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.protocolName} ({c.startDate})
                </option>
              ))}
            </select>
          </div>
        )}
        <TextField
          id={`${id}-clinic`}
          label={t("embryos.new.clinic")}
          value={clinic}
          onChange={setClinic}
          error={errors.clinic}
        />
        <CountField
          id={`${id}-follicles`}
          label={t("embryos.new.follicles")}
          hint={t("embryos.new.follicles.hint")}
          value={follicles}
          onChange={setFollicles}
          error={errors.folliclesAtTrigger}
        />
        <div className="form-pair">
          <CountField
            id={`${id}-eggs`}
            label={t("embryos.new.eggs")}
            value={eggs}
            onChange={setEggs}
            error={errors.eggsRetrieved}
          />
          <CountField
            id={`${id}-mature`}
            label={t("embryos.new.mature")}
            value={mature}
            onChange={setMature}
            error={errors.mature}
          />
        </div>
        <p className="hint">{t("embryos.new.mature.hint")}</p>
        <PillCheck label={t("embryos.new.freeze")} checked={freeze} onChange={setFreeze} />
        {freeze && (
          <>
            <CountField
              id={`${id}-frozen`}
              label={t("embryos.new.freezeCount")}
              value={frozen}
              onChange={setFrozen}
              error={errors.count}
            />
            <TextField
              id={`${id}-location`}
              label={t("embryos.new.location")}
              value={location}
              onChange={setLocation}
            />
          </>
        )}
        <FormError>{errors.form}</FormError>
        <div className="sticky-action">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("form.saving") : t("embryos.new.save")}
          </button>
        </div>
      </form>
    </Page>
  );
}
