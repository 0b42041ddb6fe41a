import { type ChangeEvent, type FormEvent, useState } from "react";
import { FormButtons, PasswordField, PickFileButton, useForm } from "../components/forms/index.ts";
import { useT } from "../i18n/i18n.tsx";
import { useClient } from "./client-context.tsx";
import {
  EXPORT_FILE_TYPES,
  type ImportOutcome,
  importLockedFile,
  importPickedFile,
} from "./files.ts";

/** What a finished import says: added, refused (nothing changed) or unreadable. */
export type ImportResult = Exclude<ImportOutcome, { kind: "none" } | { kind: "locked" }>;

/**
 * "Import" (Settings) and "Restore" (set-up): picks an export file and adds
 * it. A locked file first asks for its passphrase, here, under the button; a
 * wrong one is said beside it and nothing is imported.
 */
export function ImportFromFile({
  label,
  onResult,
}: {
  label: string;
  onResult: (result: ImportResult) => void;
}) {
  const t = useT();
  const client = useClient();
  const form = useForm<"passphrase">();
  const [locked, setLocked] = useState<Uint8Array | null>(null);
  const [passphrase, setPassphrase] = useState("");

  function finish(outcome: ImportOutcome) {
    if (outcome.kind === "none") return;
    if (outcome.kind === "locked") {
      form.clear();
      setPassphrase("");
      setLocked(outcome.bytes);
      return;
    }
    setLocked(null);
    setPassphrase("");
    onResult(outcome);
  }

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    finish(await importPickedFile(client, e));
  }

  async function open(e: FormEvent) {
    e.preventDefault();
    if (!locked) return;
    if (form.fail({ passphrase: passphrase ? undefined : t("form.required") })) return;
    const outcome = await form.run(() => importLockedFile(client, locked, passphrase));
    if (outcome.kind === "refused" && outcome.problem.reason === "wrong-passphrase") {
      form.refuse(outcome.problem);
      return;
    }
    finish(outcome);
  }

  return (
    <>
      <PickFileButton label={label} accept={EXPORT_FILE_TYPES} onPick={pick} />
      {locked && (
        <form className="stack-tight" onSubmit={open} noValidate>
          <p role="status">{t("settings.import.locked")}</p>
          <PasswordField
            {...form.bind("passphrase", passphrase, setPassphrase)}
            label={t("settings.import.passphrase")}
            autoComplete="off"
          />
          <FormButtons
            form={form}
            label={t("settings.import.open")}
            busyLabel={t("settings.import.opening")}
            onCancel={() => setLocked(null)}
          />
        </form>
      )}
    </>
  );
}
