import {
  cycleList,
  pathList,
  type TransferProtocol,
  transferableEmbryos,
  transferProtocols,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import {
  ChoiceChecks,
  DateField,
  FormButtons,
  PillGroup,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { NothingHere } from "../../components/NothingHere.tsx";
import { Page } from "../../components/Page.tsx";
import { recordingScreen } from "../../components/ReadOnly.tsx";
import { useSaved } from "../../components/use-saved.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { embryoShort, statusLine } from "../embryology/index.ts";
import { LiningField, readLining, type TransferField, transferFrom } from "./transfer-fields.tsx";

/**
 * A transfer from the bank: which embryos, the day, who carries the
 * pregnancy (the person or a gestational carrier), the kind of cycle and the
 * lining. A day still to come is saved as planned; a day today or past as done.
 */
export const NewTransfer = recordingScreen("transfers.new.title", NewTransferForm);

function NewTransferForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const saved = useSaved();
  const id = useId();
  const form = useForm<TransferField>({ from: transferFrom });
  const today = todayIso(state.journey!.homeZone);
  const available = transferableEmbryos(state);
  const carriers = pathList(state).filter((p) => p.kind === "gestational-carrier");
  const cycles = cycleList(state);
  const [chosen, setChosen] = useState<string[]>(
    available.length === 1 ? [available[0]!.embryo.id] : [],
  );
  const [date, setDate] = useState(today);
  const [recipient, setRecipient] = useState<"self" | "carrier">("self");
  const [carrierName, setCarrierName] = useState(carriers[0]?.name ?? "");
  const [pathId, setPathId] = useState(carriers[0]?.id ?? "");
  const [protocol, setProtocol] = useState<TransferProtocol | "">("");
  const [cycleId, setCycleId] = useState("");
  const [lining, setLining] = useState("");
  const [clinic, setClinic] = useState("");
  const [note, setNote] = useState("");
  const planned = date > today;

  if (available.length === 0) {
    return (
      <NothingHere
        title={t("transfers.new.title")}
        body={t("transfers.empty.noEmbryos")}
        href={routes.embryos.bank}
        link={t("embryos.title")}
      />
    );
  }

  /** Embryos all fresh from culture: the transfer is a fresh one unless the person said otherwise. */
  function choose(next: string[]) {
    setChosen(next);
    const all = available.filter((a) => next.includes(a.embryo.id));
    const fresh = all.every((a) => a.embryo.status === "in-culture" && !a.embryo.everFrozen);
    if (!protocol && all.length > 0 && fresh) setProtocol("fresh");
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const liningMm = readLining(t, lining);
    const found = {
      embryoIds: chosen.length === 0 ? t("transfers.new.noneChosen") : undefined,
      date: date ? undefined : t("form.required"),
      carrierName: recipient === "carrier" && !carrierName.trim() ? t("form.required") : undefined,
      liningMm: liningMm.problem,
    };
    if (form.fail(found)) return;
    const transferId = form.newId();
    const details = {
      transferId,
      embryoIds: chosen,
      recipient:
        recipient === "self"
          ? ({ kind: "self" } as const)
          : ({ kind: "carrier", name: carrierName.trim(), ...(pathId && { pathId }) } as const),
      ...(protocol && { protocol }),
      ...(cycleId && { cycleId }),
      ...(clinic.trim() && { clinic: clinic.trim() }),
      ...(note.trim() && { note: note.trim() }),
    };
    const r = planned
      ? await form.record("TransferPlanned", { ...details, plannedOn: date })
      : await form.record("TransferRecorded", {
          ...details,
          transferredOn: date,
          ...(liningMm.mm !== null && { liningMm: liningMm.mm }),
        });
    if (!r.ok) return;
    saved(
      t(planned ? "transfers.new.savedPlanned" : "transfers.new.saved"),
      routes.transfers.detail(transferId),
    );
  }

  return (
    <Page title={t("transfers.new.title")}>
      <form className="card stack" onSubmit={save} noValidate>
        <ChoiceChecks
          {...form.field("embryoIds")}
          className="stack-tight"
          legend={t("transfers.new.embryos")}
          hint={t("transfers.new.embryos.hint")}
          options={available.map(({ embryo }) => ({
            value: embryo.id,
            title: embryoShort(i18n, embryo),
            body: statusLine(i18n, state, embryo),
          }))}
          values={chosen}
          onChange={choose}
        />
        <DateField
          {...form.bind("date", date, setDate)}
          label={t("transfers.new.date")}
          hint={t("transfers.new.date.hint")}
        />
        <PillGroup
          legend={t("transfers.new.recipient")}
          name={`${id}-recipient`}
          options={[
            { value: "self" as const, label: t("transfers.new.recipient.self") },
            { value: "carrier" as const, label: t("transfers.new.recipient.carrier") },
          ]}
          value={recipient}
          onChange={setRecipient}
        />
        {recipient === "carrier" && (
          <>
            <TextField
              {...form.bind("carrierName", carrierName, setCarrierName)}
              label={t("transfers.new.carrierName")}
            />
            {carriers.length > 0 && (
              <SelectField
                {...form.field("pathId")}
                label={t("transfers.new.carrierPath")}
                options={[
                  { value: "", label: t("transfers.new.carrierPath.none") },
                  ...carriers.map((c) => ({ value: c.id, label: c.name })),
                ]}
                value={pathId}
                onChange={(chosen) => {
                  setPathId(chosen);
                  const p = carriers.find((c) => c.id === chosen);
                  if (p) setCarrierName(p.name);
                }}
              />
            )}
          </>
        )}
        <PillGroup
          legend={t("transfers.new.protocol")}
          name={`${id}-protocol`}
          options={transferProtocols.map((p) => ({
            value: p,
            label: t(`transfers.new.protocol.${p}`),
          }))}
          value={protocol || undefined}
          onChange={setProtocol}
        />
        {cycles.length > 0 && (
          <SelectField
            {...form.field("cycleId")}
            label={t("transfers.new.cycle")}
            options={[
              { value: "", label: t("transfers.new.cycle.none") },
              ...cycles.map((c) => ({ value: c.id, label: `${c.protocolName} (${c.startDate})` })),
            ]}
            value={cycleId}
            onChange={setCycleId}
          />
        )}
        {!planned && (
          <LiningField {...form.field("liningMm")} value={lining} onChange={setLining} />
        )}
        <TextField {...form.bind("clinic", clinic, setClinic)} label={t("transfers.new.clinic")} />
        <TextAreaField {...form.bind("note", note, setNote)} label={t("transfers.new.note")} />
        <FormButtons
          form={form}
          label={t(planned ? "transfers.new.savePlanned" : "transfers.new.save")}
          sticky
        />
      </form>
    </Page>
  );
}
