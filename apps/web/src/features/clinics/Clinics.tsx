import { type Clinic, clinicList, currentClinic } from "@trellis/domain";
import { useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import {
  AddDisclosure,
  ChangeOrRemove,
  FormError,
  QuietButton,
  useForm,
} from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { ClinicDetails } from "./ClinicDetails.tsx";
import { ClinicForm } from "./ClinicForm.tsx";

/**
 * The person's clinics, set up once: each with its 24-hour line, nurse line,
 * address and portal, one of them current (new cycles start with it). A
 * viewer reads the cards; the controls are for those who may record.
 */
export function Clinics() {
  const { t } = useI18n();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const clinics = clinicList(state);
  const current = currentClinic(state);

  return (
    <section className="card stack" id="clinics" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("clinics.title")}</h2>
      <p className="hint">{t("clinics.intro")}</p>
      {clinics.length === 0 ? (
        <p className="muted">{t("clinics.empty")}</p>
      ) : (
        <ul className="plain-list clinic-list">
          {clinics.map((c) => (
            <ClinicItem
              key={c.id}
              clinic={c}
              isCurrent={c.id === current?.id}
              others={clinics.length > 1}
            />
          ))}
        </ul>
      )}
      <AddDisclosure label={t("clinics.add")}>
        {(close) => (
          <ClinicForm
            offerCurrent={clinics.length > 0}
            currentByDefault={current === null}
            onSaved={() => {
              toast.show(t("clinics.saved"));
              close();
            }}
            onCancel={close}
          />
        )}
      </AddDisclosure>
    </section>
  );
}

function ClinicItem({
  clinic,
  isCurrent,
  others,
}: {
  clinic: Clinic;
  isCurrent: boolean;
  others: boolean;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const action = useForm();
  const [editing, setEditing] = useState(false);
  const name = clinic.name;

  async function makeCurrent() {
    const r = await action.record("ClinicSaved", { clinicId: clinic.id, current: true });
    if (r.ok) toast.show(t("clinics.madeCurrent", { name }));
  }

  async function remove() {
    const r = await action.record("ClinicRemoved", { clinicId: clinic.id });
    if (r.ok) toast.show(t("clinics.removed"));
  }

  return (
    <li className="clinic-item stack-tight">
      <h3 className="clinic-name">
        {name}
        {isCurrent && others && <span className="badge">{t("clinics.current")}</span>}
      </h3>
      <ClinicDetails clinic={clinic} notes={clinic.notes} name={false} />
      {editing ? (
        <ClinicForm
          clinic={clinic}
          offerCurrent={others && !isCurrent}
          currentByDefault={false}
          onSaved={() => {
            toast.show(t("clinics.saved"));
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <ChangeOrRemove
          words="clinics"
          name={name}
          onEdit={() => setEditing(true)}
          onRemove={() => void remove()}
        >
          {others && !isCurrent && (
            <QuietButton
              label={t("clinics.makeCurrent")}
              spoken={t("clinics.makeCurrentLabel", { name })}
              onClick={() => void makeCurrent()}
            />
          )}
        </ChangeOrRemove>
      )}
      <FormError>{action.formError}</FormError>
    </li>
  );
}
