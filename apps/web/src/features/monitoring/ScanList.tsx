import type { Cycle, ScanPoint } from "@trellis/domain";
import { useState } from "react";
import { ConfirmDialog, QuietButton, useForm } from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { dayKind } from "./days.ts";

/** ICU select keys cannot hold a hyphen. */
const patternWord = {
  "triple-line": "triple",
  homogeneous: "homogeneous",
  "not-reported": "none",
} as const;

/** Every scan of the cycle, newest first, with the sizes as read out; removing one asks first. */
export function ScanList({
  cycle,
  points,
  zone,
}: {
  cycle: Cycle;
  points: readonly ScanPoint[];
  zone: string;
}) {
  const { t, number, dateTime } = useI18n();
  const toast = useToast();
  const action = useForm({ formLine: "toast" });
  const [removing, setRemoving] = useState<ScanPoint | null>(null);
  const kind = dayKind(cycle);
  const mm = (n: number) => number(n, { maximumFractionDigits: 1 });
  const sizes = (list: readonly number[]) =>
    list.length === 0
      ? t("monitoring.scan.noneSeen")
      : t("monitoring.scan.sizes", { sizes: list.map(mm).join(", "), count: list.length });
  const label = (p: ScanPoint) =>
    p.cycleDay === null
      ? dateTime(p.epochMs, zone)
      : t("monitoring.listDay", { kind, day: p.cycleDay, when: dateTime(p.epochMs, zone) });

  /** The same, inside a sentence: "stim day 9 (Fri 20 Nov, 08:10)". */
  const inline = (p: ScanPoint) =>
    p.cycleDay === null
      ? dateTime(p.epochMs, zone)
      : t("monitoring.inlineDay", { kind, day: p.cycleDay, when: dateTime(p.epochMs, zone) });

  async function remove(p: ScanPoint) {
    const r = await action.record("FollicleScanRetracted", { scanId: p.scan.id });
    if (r.ok) toast.show(t("monitoring.scan.removed"));
  }

  return (
    <>
      <ul className="records">
        {[...points].reverse().map((p) => (
          <li key={p.scan.id} className="record">
            <p className="record-when">{label(p)}</p>
            <dl className="record-facts">
              <div>
                <dt>{t("monitoring.ovary.left")}</dt>
                <dd>{sizes(p.scan.leftMm)}</dd>
              </div>
              <div>
                <dt>{t("monitoring.ovary.right")}</dt>
                <dd>{sizes(p.scan.rightMm)}</dd>
              </div>
              {p.scan.liningMm !== null && (
                <div>
                  <dt>{t("monitoring.scan.liningShort")}</dt>
                  <dd>
                    {t("monitoring.scan.liningValue", {
                      mm: mm(p.scan.liningMm),
                      pattern: patternWord[p.scan.liningPattern ?? "not-reported"],
                    })}
                  </dd>
                </div>
              )}
            </dl>
            <WhenCanRecord>
              <div className="record-actions">
                <QuietButton
                  label={t("monitoring.remove")}
                  spoken={t("monitoring.scan.removeLabel", { when: inline(p) })}
                  onClick={() => setRemoving(p)}
                />
              </div>
            </WhenCanRecord>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        title={t("monitoring.scan.removeTitle")}
        body={removing ? t("monitoring.scan.removeBody", { when: inline(removing) }) : ""}
        confirmLabel={t("monitoring.remove")}
        cancelLabel={t("monitoring.keep")}
        onConfirm={() => removing && void remove(removing)}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
