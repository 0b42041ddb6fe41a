import type { BatchDraft } from "@trellis/client";
import { cycleClinicName, cycleList } from "@trellis/domain";
import { type FormEvent, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import {
  CountField,
  DateField,
  PillCheck,
  SelectField,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { recordingScreen } from "../../components/ReadOnly.tsx";
import { useSaved } from "../../components/use-saved.ts";
import { useT } from "../../i18n/i18n.tsx";
import { pastDateError, storageOf } from "./form-values.ts";
import { PageForm } from "./PageForm.tsx";
import { StorageFields } from "./StorageFields.tsx";
import { useCounts } from "./use-counts.ts";

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
export const RecordRetrieval = recordingScreen("embryos.new.title", RecordRetrievalForm);

function RecordRetrievalForm() {
  const t = useT();
  const state = useJourneyState();
  const saved = useSaved();
  // The frozen eggs are the batch's second event: its count, on the retrieval's date.
  const form = useForm<Name>({
    from: { frozenOn: "retrievedOn", "storage.location": "location" },
  });
  const counts = useCounts(form, {
    folliclesAtTrigger: "",
    eggsRetrieved: "",
    mature: "",
    count: "",
  });
  const zone = state.journey!.homeZone;
  const cycles = cycleList(state).filter(
    (c) => c.cycleType === "stimulation" || c.cycleType === "egg-freezing",
  );
  const [date, setDate] = useState(todayIso(zone));
  const [cycleId, setCycleId] = useState(cycles.find((c) => c.status === "active")?.id ?? "");
  const [clinic, setClinic] = useState(() => (cycleId && cycleClinicName(state, cycleId)) || "");
  const [freeze, setFreeze] = useState(
    cycles.find((c) => c.id === cycleId)?.cycleType === "egg-freezing",
  );
  const [location, setLocation] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, found } = counts.read(t, {
      eggsRetrieved: "required",
      mature: "optional",
      folliclesAtTrigger: "optional",
      ...(freeze && { count: "required" as const }),
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
    if (r.ok) saved(t("embryos.new.saved"), routes.embryos.cohort(retrievalId));
  }

  return (
    <PageForm words="embryos.new" form={form} onSubmit={save} sticky>
      <DateField {...form.bind("retrievedOn", date, setDate)} label={t("embryos.new.date")} />
      {cycles.length > 0 && (
        <SelectField
          {...form.field("cycleId")}
          label={t("embryos.new.cycle")}
          options={[
            { value: "", label: t("embryos.new.cycle.none") },
            ...cycles.map((c) => ({ value: c.id, label: `${c.protocolName} (${c.startDate})` })),
          ]}
          value={cycleId}
          onChange={(next) => {
            setCycleId(next);
            const named = next && cycleClinicName(state, next);
            if (named && !clinic) setClinic(named);
          }}
        />
      )}
      <TextField {...form.bind("clinic", clinic, setClinic)} label={t("embryos.new.clinic")} />
      <CountField
        {...counts.field("folliclesAtTrigger")}
        label={t("embryos.new.follicles")}
        hint={t("embryos.new.follicles.hint")}
      />
      <div className="form-pair">
        <CountField {...counts.field("eggsRetrieved")} label={t("embryos.new.eggs")} />
        <CountField {...counts.field("mature")} label={t("embryos.new.mature")} />
      </div>
      <p className="hint">{t("embryos.new.mature.hint")}</p>
      <PillCheck label={t("embryos.new.freeze")} checked={freeze} onChange={setFreeze} />
      {freeze && (
        <>
          <CountField {...counts.field("count")} label={t("embryos.new.freezeCount")} />
          <StorageFields
            location={{ ...form.field("location"), value: location, onChange: setLocation }}
          />
        </>
      )}
    </PageForm>
  );
}
