import { lockExportFile } from "@trellis/client";
import { type FormEvent, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { downloadFile } from "../../app/files.ts";
import { todayIso } from "../../app/time.ts";
import { ButtonLine, FormButtons, PasswordField, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";

/**
 * "Export everything": locked with a passphrase (typed twice) by default; a
 * plain JSON file only from a second button, under words that say anyone
 * who gets it can read it.
 */
export function ExportData() {
  const t = useT();
  const client = useClient();
  const journey = useJourneyState().journey!;
  const form = useForm<"passphrase" | "again">();
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [done, setDone] = useState(false);
  const name = `trellis-export-${todayIso(journey.homeZone)}`;
  // Opened from a snapshot, the older entries are still arriving; read again
  // on every change of the record (useJourneyState), so the words go when they have.
  const whole = client.sync.wholeRecord;

  async function exportLocked(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const found = {
      passphrase: passphrase ? undefined : t("form.required"),
      again:
        passphrase && again !== passphrase
          ? t("settings.export.mismatch")
          : again
            ? undefined
            : t("form.required"),
    };
    if (form.fail(found)) return;
    const locked = await form.run(async () => lockExportFile(await client.exportAll(), passphrase));
    if (!locked.ok) return form.refuse(locked.error);
    downloadFile(`${name}.trellis`, "application/octet-stream", locked.value);
    setPassphrase("");
    setAgain("");
    setDone(true);
  }

  async function exportPlain() {
    const file = await client.exportAll();
    downloadFile(`${name}.json`, "application/json", JSON.stringify(file, null, 2));
  }

  return (
    <div className="stack">
      {!whole && (
        <p className="notice" role="status">
          {t("settings.export.waiting")}
        </p>
      )}
      <form className="stack-tight" onSubmit={exportLocked} noValidate>
        <p className="hint">{t("settings.export.hint")}</p>
        <PasswordField
          {...form.bind("passphrase", passphrase, setPassphrase)}
          label={t("settings.export.passphrase")}
          hint={t("settings.export.passphrase.hint")}
          autoComplete="new-password"
        />
        <PasswordField
          {...form.bind("again", again, setAgain)}
          label={t("settings.export.again")}
          autoComplete="new-password"
        />
        <FormButtons
          form={form}
          label={t("settings.export")}
          busyLabel={t("settings.export.locking")}
        />
        {done && <p role="status">{t("settings.export.done")}</p>}
      </form>
      <div className="stack-tight">
        <p className="notice">{t("settings.export.plain.warning")}</p>
        <ButtonLine label={t("settings.export.plain")} onClick={exportPlain} />
      </div>
    </div>
  );
}
