/** What the two transfer forms share: the lining, and where a refused transfer's words go. */
import { parseDecimal, TextField } from "../../components/forms/index.ts";
import { type I18n, useI18n } from "../../i18n/i18n.tsx";

/** The fields of a new transfer. */
export type TransferField =
  | "embryoIds"
  | "date"
  | "carrierName"
  | "pathId"
  | "cycleId"
  | "liningMm"
  | "clinic"
  | "note";

/**
 * The domain's names for what the new-transfer form calls otherwise: one
 * date, planned or done; the carrier's name stands for the whole recipient,
 * and the path chosen for its own.
 */
export const transferFrom = {
  plannedOn: "date",
  transferredOn: "date",
  recipient: "carrierName",
  "recipient.pathId": "pathId",
} as const satisfies Partial<Record<string, TransferField>>;

/** The lining as typed: `mm` when given, `problem` when it is not a number (an empty field is fine). */
export function readLining(
  t: I18n["t"],
  text: string,
): { mm: number | null; problem: string | undefined } {
  const mm = parseDecimal(text);
  return mm !== null && Number.isNaN(mm)
    ? { mm: null, problem: t("beta.form.notANumber") }
    : { mm, problem: undefined };
}

/** The lining at the last scan before a transfer, in mm, as the clinic said it; optional. */
export function LiningField({
  id,
  error,
  value,
  onChange,
}: {
  id: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <TextField
      id={id}
      error={error}
      label={t("transfers.new.lining")}
      hint={t("transfers.new.lining.hint")}
      value={value}
      onChange={onChange}
      inputMode="decimal"
    />
  );
}
