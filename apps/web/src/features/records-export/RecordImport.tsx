import type { BatchDraft } from "@trellis/client";
import { importRecordCsvs, type RecordImportProblem, readRecordZip } from "@trellis/exports";
import { type ChangeEvent, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { FormError, PickFileButton, useForm } from "../../components/forms/index.ts";
import { type I18n, useI18n } from "../../i18n/i18n.tsx";
import { refusalText } from "../../i18n/refusals.ts";

const SHOWN = 12;

function problemText(i18n: I18n, p: RecordImportProblem): string {
  const file = `${p.file}.csv`;
  switch (p.reason) {
    case "missing-file":
      return i18n.t("records.back.reason.missing-file", { file });
    case "missing-column":
      return i18n.t("records.back.reason.missing-column", { file, column: p.column });
    case "unreadable":
      return i18n.t("records.back.reason.unreadable", { file, row: p.row });
    case "bad-value":
      return i18n.t("records.back.reason.bad-value", { file, row: p.row, column: p.column });
    case "refused":
      return i18n.t("records.back.reason.refused", {
        file,
        row: p.row,
        why: refusalText(i18n, p.problem),
      });
  }
}

/**
 * The spreadsheets zip back as a record: every row becomes a domain event,
 * checked first, and all of them are recorded in one batch, or none.
 */
export function RecordImport() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  // The kit records the batch, holds `busy` and words a refusal; the
  // problems of the files themselves (file, row, column) are listed below.
  const form = useForm<"file">();
  const [problems, setProblems] = useState<readonly RecordImportProblem[]>([]);
  const [done, setDone] = useState<number | null>(null);

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = "";
    setProblems([]);
    setDone(null);
    form.clear();
    if (!file) return;
    const files = readRecordZip(new Uint8Array(await file.arrayBuffer()));
    if (!files) {
      form.fail({ file: t("records.back.notZip") });
      return;
    }
    const checked = importRecordCsvs(state, files, { nowMs: Date.now() });
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    const saved = await form.recordBatch(checked.drafts as readonly BatchDraft[]);
    if (saved.ok) setDone(saved.value.length);
  }

  return (
    <div className="stack-tight" aria-busy={form.busy}>
      <h3>{t("records.back.title")}</h3>
      <p className="hint">{t("records.back.intro")}</p>
      <PickFileButton label={t("records.back.pick")} accept=".zip,application/zip" onPick={pick} />
      <FormError>{form.fieldErrors.file ?? form.formError}</FormError>
      {done !== null && <p role="status">{t("records.back.done", { count: done })}</p>}
      {problems.length > 0 && (
        <div className="notice stack-tight" role="alert">
          <p>{t("records.back.refused", { count: problems.length })}</p>
          <ul>
            {problems.slice(0, SHOWN).map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
              <li key={i}>{problemText(i18n, p)}</li>
            ))}
          </ul>
          {problems.length > SHOWN && (
            <p>{t("records.back.more", { count: problems.length - SHOWN })}</p>
          )}
        </div>
      )}
    </div>
  );
}
