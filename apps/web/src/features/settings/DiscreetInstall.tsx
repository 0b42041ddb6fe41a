import { useId, useState } from "react";
import { DISCREET_NAME, isDiscreet, setDiscreet } from "../../app/discreet.ts";
import { Switch } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * The discreet install: the name and icon a home screen shows, and the title
 * in tabs and the app switcher. Shows both choices side by side, as they
 * would look, so the person sees what each one gives away.
 */
export function DiscreetInstall() {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const [on, setOn] = useState(isDiscreet);

  function toggle() {
    setDiscreet(!on);
    setOn(!on);
    toast.show(t(on ? "discreet.off" : "discreet.on"));
  }

  const choices = [
    { key: "normal", name: t("app.name"), icon: "/icons/icon-192.png", chosen: !on },
    { key: "discreet", name: DISCREET_NAME, icon: "/icons/discreet-192.png", chosen: on },
  ];
  return (
    <section className="card stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("discreet.title")}</h2>
      <p className="hint" id={`${id}-hint`}>
        {t("discreet.hint")}
      </p>
      <Switch on={on} label={t("discreet.toggle")} describedBy={`${id}-hint`} onToggle={toggle} />
      <ul className="install-preview" aria-label={t("discreet.preview")}>
        {choices.map((c) => (
          <li key={c.key} className={`install-choice${c.chosen ? " install-chosen" : ""}`}>
            <img src={c.icon} alt="" width={48} height={48} />
            <span>{c.name}</span>
            <span className="muted small">
              {t(c.chosen ? "discreet.preview.chosen" : "discreet.preview.other")}
            </span>
          </li>
        ))}
      </ul>
      <p className="hint">{t("discreet.reinstall")}</p>
    </section>
  );
}
