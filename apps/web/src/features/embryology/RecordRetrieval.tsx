import type { BatchDraft } from "@trellis/client";
import { cycleClinicName, cycleList } from "@trellis/domain";
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import {
  CountField,
  DateField,
  Field,
  PillCheck,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { RecordingScreen } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { pastDateError, readCounts, storageOf } from "./form-values.ts";
import { PageForm } from "./PageForm.tsx";

/** The fields, named as the events name them; `count` and `location` are the eggs frozen. */
type Name =
  | "retrievedOn"
  | "cycleId"
  | "clinic"
  | "folliclesAtTrigger"
  | "eggsRetrieved"
  | "mature"
  | "count"
  | "location";

/**
 * Day 0 of a retrieval: the date, the cycle and clinic, follicles at trigger,
 * eggs retrieved, mature eggs if known, and eggs frozen for egg freezing. The
 * retrieval and its frozen eggs are saved together, or not at all.
 */
export function RecordRetrieval() {
  const t = useT();
  return (
    <RecordingScreen title={t("embryos.new.title")}>
      <RecordRetrievalForm />
    </RecordingScreen>
  );
}

function RecordRetrievalForm() {
  const t = useT();
  const state = useJourneyState();
  const toast = useToast();
  const [, navigate] = useLocation();
  // The frozen eggs are the batch's second event: its count, on the retrieval's date.
  const form = useForm<Name>({
    from: { frozenOn: "retrievedOn", "storage.location": "location" },
  });
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

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, found } = readCounts(t, {
      eggsRetrieved: { text: eggs, required: true },
      mature: { text: mature, required: false },
      folliclesAtTrigger: { text: follicles, required: false },
      ...(freeze && { count: { text: frozen, required: true } }),
    });
    const retrievedOn = pastDateError(t, date, todayIso(zone));
    if (form.fail({ ...found, retrievedOn }) || values.eggsRetrieved === undefined) return;
    const retrievalId = form.newId();
    const drafts: BatchDraft[] = [
      {
        type: "RetrievalRecorded",
        payload: {
          retrievalId,
          retrievedOn: date,
          eggsRetrieved: values.eggsRetrieved,
          ...(cycleId && { cycleId }),
          ...(clinic.trim() && { clinic: clinic.trim() }),
          ...(values.folliclesAtTrigger !== undefined && {
            folliclesAtTrigger: values.folliclesAtTrigger,
          }),
          ...(values.mature !== undefined && { mature: values.mature }),
        },
      },
    ];
    const storage = storageOf("", location);
    if (freeze && values.count) {
      drafts.push({
        type: "OocytesVitrified",
        payload: {
          batchId: form.newId(),
          retrievalId,
          frozenOn: date,
          count: values.count,
          ...(storage && { storage }),
        },
      });
    }
    const r = await form.recordBatch(drafts);
    if (!r.ok) return;
    toast.show(t("embryos.new.saved"));
    navigate(routes.embryos.cohort(retrievalId));
  }

  return (
    <PageForm
      title={t("embryos.new.title")}
      intro={t("embryos.new.intro")}
      form={form}
      onSubmit={save}
      saveLabel={t("embryos.new.save")}
      sticky
    >
      <DateField
        {...form.field("retrievedOn")}
        label={t("embryos.new.date")}
        value={date}
        onChange={setDate}
      />
      {cycles.length > 0 && (
        <Field {...form.field("cycleId")} label={t("embryos.new.cycle")}>
          {(input) => (
            <select
              {...input}
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
          )}
        </Field>
      )}
      <TextField
        {...form.field("clinic")}
        label={t("embryos.new.clinic")}
        value={clinic}
        onChange={setClinic}
      />
      <CountField
        {...form.field("folliclesAtTrigger")}
        label={t("embryos.new.follicles")}
        hint={t("embryos.new.follicles.hint")}
        value={follicles}
        onChange={setFollicles}
      />
      <div className="form-pair">
        <CountField
          {...form.field("eggsRetrieved")}
          label={t("embryos.new.eggs")}
          value={eggs}
          onChange={setEggs}
        />
        <CountField
          {...form.field("mature")}
          label={t("embryos.new.mature")}
          value={mature}
          onChange={setMature}
        />
      </div>
      <p className="hint">{t("embryos.new.mature.hint")}</p>
      <PillCheck label={t("embryos.new.freeze")} checked={freeze} onChange={setFreeze} />
      {freeze && (
        <>
          <CountField
            {...form.field("count")}
            label={t("embryos.new.freezeCount")}
            value={frozen}
            onChange={setFrozen}
          />
          <TextField
            {...form.field("location")}
            label={t("embryos.new.location")}
            value={location}
            onChange={setLocation}
          />
        </>
      )}
    </PageForm>
  );
}
