import { useId } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { FormError, Switch, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { SupportLines } from "../clinics/index.ts";

/**
 * Quiet mode in one tap: hides odds and pregnancy milestones (due dates,
 * weeks, countdowns) everywhere until it is turned off. The record keeps
 * everything; only what shows changes. It belongs to this device and the
 * person holding it: a partner's quiet mode is theirs, and never turns the
 * owner's off (nor the owner's theirs). Viewers have the switch too.
 */
export function QuietMode() {
  const { t } = useI18n();
  const form = useForm();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const on = state.preferences.quietMode;

  async function toggle() {
    const r = await form.changeDeviceSettings({ quietMode: !on });
    if (r.ok) toast.show(t(on ? "quiet.off" : "quiet.on"));
  }

  return (
    <section className="card stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("quiet.title")}</h2>
      <p className="hint" id={`${id}-hint`}>
        {t("quiet.hint")}
      </p>
      <Switch
        on={on}
        label={t("quiet.toggle")}
        describedBy={`${id}-hint`}
        onToggle={() => void toggle()}
      />
      <FormError>{form.formError}</FormError>
      <details className="source">
        <summary>{t("loss.support")}</summary>
        <SupportLines headingLevel={3} />
      </details>
    </section>
  );
}
