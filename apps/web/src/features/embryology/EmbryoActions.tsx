import { type DiscardReason, discardReasons, type Embryo } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { todayIso } from "../../app/time.ts";
import {
  ConfirmButton,
  DateField,
  FormButtons,
  FormError,
  PillGroup,
  SelectField,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { storageOf } from "./form-values.ts";
import { StorageFields } from "./StorageFields.tsx";
import { embryoTitle } from "./words.ts";

type Action = "freeze" | "thaw" | "move" | "dispose";

/**
 * What can happen to an embryo in the bank, each saved as one step of its
 * history: frozen (from culture), thawed (survived or not), moved to another
 * clinic or tank, or discarded, donated or shipped away. Also "entered by
 * mistake", which asks first.
 */
export function EmbryoActions({ embryo }: { embryo: Embryo }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  // Every change names its date its own way; all are the one date field here.
  const form = useForm<"date" | "clinic" | "location" | "reason" | "to">({
    from: {
      frozenOn: "date",
      thawedOn: "date",
      movedOn: "date",
      on: "date",
      "storage.clinic": "clinic",
      "storage.location": "location",
    },
  });
  const removal = useForm();
  const toast = useToast();
  const id = useId();
  const zone = state.journey!.homeZone;
  const inBank = embryo.status === "frozen" || embryo.status === "in-culture";
  const actions: Action[] =
    embryo.status === "frozen"
      ? ["thaw", "move", "dispose"]
      : embryo.status === "in-culture"
        ? ["freeze", "dispose"]
        : [];
  const [action, setAction] = useState<Action | undefined>(undefined);
  const [date, setDate] = useState(todayIso(zone));
  const [survived, setSurvived] = useState<"yes" | "no">("yes");
  const [clinic, setClinic] = useState(embryo.storage?.clinic ?? "");
  const [location, setLocation] = useState("");
  const [fate, setFate] = useState<"discarded" | "donated" | "shipped">("discarded");
  const [reason, setReason] = useState<DiscardReason | "">("");
  const [to, setTo] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!action) return;
    const storage = storageOf(clinic, location) ?? {};
    const r =
      action === "freeze"
        ? await form.record("EmbryosFrozen", { embryoIds: [embryo.id], frozenOn: date, storage })
        : action === "thaw"
          ? await form.record("EmbryoThawed", {
              embryoId: embryo.id,
              thawedOn: date,
              survived: survived === "yes",
            })
          : action === "move"
            ? await form.record("EmbryosMoved", { embryoIds: [embryo.id], movedOn: date, storage })
            : await form.record("EmbryoDisposed", {
                embryoIds: [embryo.id],
                on: date,
                fate,
                ...(fate === "discarded" && reason && { reason }),
                ...(to.trim() && { to: to.trim() }),
              });
    if (!r.ok) return;
    setAction(undefined);
    toast.show(t("embryos.actions.saved"));
  }

  async function remove() {
    const r = await removal.record("EmbryoRetracted", { embryoId: embryo.id });
    if (r.ok) toast.show(t("embryos.actions.removed"));
  }

  const removable = inBank || embryo.status === "discarded";
  if (actions.length === 0 && !removable) return null;

  return (
    <details className="embryo-actions">
      <summary>{t("embryos.actions")}</summary>
      {actions.length > 0 && (
        <form className="stack" onSubmit={save} noValidate>
          <PillGroup
            legend={t("embryos.actions")}
            name={`${id}-action`}
            options={actions.map((a) => ({ value: a, label: t(`embryos.actions.${a}`) }))}
            value={action}
            onChange={setAction}
          />
          {action && (
            <>
              <DateField {...form.bind("date", date, setDate)} label={t("embryos.actions.date")} />
              {action === "thaw" && (
                <PillGroup
                  legend={t("embryos.actions.survived")}
                  name={`${id}-survived`}
                  options={[
                    { value: "yes", label: t("embryos.actions.survived.yes") },
                    { value: "no", label: t("embryos.actions.survived.no") },
                  ]}
                  value={survived}
                  onChange={setSurvived}
                />
              )}
              {(action === "freeze" || action === "move") && (
                <StorageFields
                  clinic={{ ...form.field("clinic"), value: clinic, onChange: setClinic }}
                  location={{ ...form.field("location"), value: location, onChange: setLocation }}
                />
              )}
              {action === "dispose" && (
                <>
                  <PillGroup
                    legend={t("embryos.actions.fate")}
                    name={`${id}-fate`}
                    options={(["discarded", "donated", "shipped"] as const).map((f) => ({
                      value: f,
                      label: t(`embryos.actions.fate.${f}`),
                    }))}
                    value={fate}
                    onChange={setFate}
                  />
                  {fate === "discarded" ? (
                    <SelectField
                      {...form.field("reason")}
                      label={t("embryos.actions.reason")}
                      options={[
                        { value: "" as const, label: t("transfers.new.protocol.unsaid") },
                        ...discardReasons.map((r) => ({
                          value: r,
                          label: t(`embryos.reason.${r}`),
                        })),
                      ]}
                      value={reason}
                      onChange={setReason}
                    />
                  ) : (
                    <TextField
                      {...form.bind("to", to, setTo)}
                      label={t("embryos.actions.to")}
                      hint={t("embryos.actions.to.hint")}
                    />
                  )}
                </>
              )}
              <FormButtons form={form} label={t("embryos.actions.save")} />
            </>
          )}
        </form>
      )}
      {removable && (
        <p>
          <ConfirmButton
            label={t("embryos.actions.remove")}
            title={t("embryos.actions.removeTitle")}
            body={`${embryoTitle(i18n, embryo)}: ${t("embryos.actions.removeBody")}`}
            confirmLabel={t("embryos.actions.confirmRemove")}
            cancelLabel={t("embryos.actions.keep")}
            onConfirm={() => void remove()}
          />
        </p>
      )}
      <FormError>{removal.formError}</FormError>
    </details>
  );
}
