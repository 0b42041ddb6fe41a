import { SelectField } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { ERASE_AFTER_CHOICES, LOCK_AFTER_CHOICES, type LockSettings } from "./lock-api.ts";

/** "Lock after" and "Erase after", with plain words about what erasing means. */
export function LockChoices({
  idBase,
  settings,
  onChange,
}: {
  idBase: string;
  settings: LockSettings;
  onChange: (settings: LockSettings) => void;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        id={`${idBase}-after`}
        label={t("lock.after")}
        hint={t("lock.after.hint")}
        options={LOCK_AFTER_CHOICES.map((minutes) => ({
          value: minutes,
          label: t("lock.after.choice", { minutes }),
        }))}
        value={settings.lockAfterMinutes}
        onChange={(lockAfterMinutes) => onChange({ ...settings, lockAfterMinutes })}
      />
      <SelectField
        id={`${idBase}-erase`}
        label={t("lock.erase")}
        hint={t("lock.erase.hint")}
        options={ERASE_AFTER_CHOICES.map((tries) => ({
          value: tries ?? 0,
          label: tries === null ? t("lock.erase.never") : t("lock.erase.choice", { tries }),
        }))}
        value={settings.eraseAfterTries ?? 0}
        onChange={(tries) =>
          onChange({ ...settings, eraseAfterTries: tries === 0 ? null : (tries as 10 | 20) })
        }
      />
    </>
  );
}
