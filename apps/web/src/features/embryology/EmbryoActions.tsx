import { type DiscardReason, discardReasons, type Embryo } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { todayIso } from "../../app/time.ts";
import { ConfirmDialog } from "../../components/forms/ConfirmDialog.tsx";
import { FormError } from "../../components/forms/Field.tsx";
import { DateField, TextField } from "../../components/forms/inputs.tsx";
import { PillGroup } from "../../components/forms/PillGroup.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { notSaved } from "../../i18n/refusals.ts";
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
  const client = useClient();
  const state = useJourneyState();
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
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!action) return;
    const storage = {
      ...(clinic.trim() && { clinic: clinic.trim() }),
      ...(location.trim() && { location: location.trim() }),
    };
    const r =
      action === "freeze"
        ? await client.record("EmbryosFrozen", { embryoIds: [embryo.id], frozenOn: date, storage })
        : action === "thaw"
          ? await client.record("EmbryoThawed", {
              embryoId: embryo.id,
              thawedOn: date,
              survived: survived === "yes",
            })
          : action === "move"
            ? await client.record("EmbryosMoved", {
                embryoIds: [embryo.id],
                movedOn: date,
                storage,
              })
            : await client.record("EmbryoDisposed", {
                embryoIds: [embryo.id],
                on: date,
                fate,
                ...(fate === "discarded" && reason && { reason }),
                ...(to.trim() && { to: to.trim() }),
              });
    if (!r.ok) {
      setError(notSaved(i18n, r.error));
      return;
    }
    setError(null);
    setAction(undefined);
    toast.show(t("embryos.actions.saved"));
  }

  async function remove() {
    const r = await client.record("EmbryoRetracted", { embryoId: embryo.id });
    if (r.ok) toast.show(t("embryos.actions.removed"));
    else setError(notSaved(i18n, r.error));
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
              <DateField
                id={`${id}-date`}
                label={t("embryos.actions.date")}
                value={date}
                onChange={setDate}
              />
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
                <>
                  <TextField
                    id={`${id}-clinic`}
                    label={t("embryos.actions.clinic")}
                    value={clinic}
                    onChange={setClinic}
                  />
                  <TextField
                    id={`${id}-location`}
                    label={t("embryos.actions.location")}
                    hint={t("embryos.actions.location.hint")}
                    value={location}
                    onChange={setLocation}
                  />
                </>
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
                    <div className="field">
                      <label htmlFor={`${id}-reason`}>{t("embryos.actions.reason")}</label>
                      <select
                        id={`${id}-reason`}
                        value={reason}
                        onChange={(e) => setReason(e.target.value as DiscardReason | "")}
                      >
                        <option value="">{t("transfers.new.protocol.unsaid")}</option>
                        {discardReasons.map((r) => (
                          <option key={r} value={r}>
                            {t(`embryos.reason.${r}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                  ) : (
                    <TextField
                      id={`${id}-to`}
                      label={t("embryos.actions.to")}
                      hint={t("embryos.actions.to.hint")}
                      value={to}
                      onChange={setTo}
                    />
                  )}
                </>
              )}
              <FormError>{error}</FormError>
              <div>
                <button type="submit" className="button button-primary">
                  {t("embryos.actions.save")}
                </button>
              </div>
            </>
          )}
        </form>
      )}
      {removable && (
        <p>
          <button type="button" className="button button-quiet" onClick={() => setConfirm(true)}>
            {t("embryos.actions.remove")}
          </button>
        </p>
      )}
      {!action && <FormError>{error}</FormError>}
      <ConfirmDialog
        open={confirm}
        title={t("embryos.actions.removeTitle")}
        body={`${embryoTitle(i18n, embryo)}: ${t("embryos.actions.removeBody")}`}
        confirmLabel={t("embryos.actions.confirmRemove")}
        cancelLabel={t("embryos.actions.keep")}
        onConfirm={() => void remove()}
        onClose={() => setConfirm(false)}
      />
    </details>
  );
}
