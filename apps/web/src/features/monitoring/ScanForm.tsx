import { type FormEvent, useId, useRef, useState } from "react";
import { useClient } from "../../app/client-context.tsx";
import { FormError } from "../../components/forms/Field.tsx";
import {
  isInFuture,
  localInputNow,
  parseDecimal,
  parseSizes,
  placeProblem,
  zonedFromLocalInput,
} from "../../components/forms/parse.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { notSaved } from "../../i18n/refusals.ts";

type Pattern = "" | "triple-line" | "homogeneous";
type FieldName = "when" | "left" | "right" | "lining";
type Errors = Partial<Record<FieldName | "form", string>>;

/**
 * One ultrasound: when, the follicle sizes per ovary as the sonographer reads
 * them out ("14, 12.5, 11"), and the lining. Shows back the numbers it
 * understood, and puts any refusal next to the field it is about.
 */
export function ScanForm({
  cycleId,
  zone,
  onDone,
}: {
  cycleId: string;
  zone: string;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const [when, setWhen] = useState(() => localInputNow(zone));
  const [left, setLeft] = useState("");
  const [right, setRight] = useState("");
  const [lining, setLining] = useState("");
  const [pattern, setPattern] = useState<Pattern>("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const refs = {
    when: useRef<HTMLInputElement>(null),
    left: useRef<HTMLInputElement>(null),
    right: useRef<HTMLInputElement>(null),
    lining: useRef<HTMLInputElement>(null),
  };

  const parsedLeft = parseSizes(left);
  const parsedRight = parseSizes(right);
  const mm = (n: number) => number(n, { maximumFractionDigits: 1 });

  function fail(next: Errors) {
    setErrors(next);
    const first = (["when", "left", "right", "lining"] as const).find((k) => next[k]);
    if (first) refs[first].current?.focus();
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    const scannedAt = zonedFromLocalInput(when, zone);
    if (!scannedAt) found.when = t("form.required");
    else if (isInFuture(scannedAt, Date.now())) found.when = t("form.dateInFuture");
    for (const [key, parsed] of [
      ["left", parsedLeft],
      ["right", parsedRight],
    ] as const) {
      if (parsed.unreadable.length > 0) {
        found[key] = t("monitoring.scan.unreadable", {
          pieces: parsed.unreadable.map((p) => `“${p}”`).join(", "),
        });
      }
    }
    const liningMm = parseDecimal(lining);
    if (liningMm !== null && Number.isNaN(liningMm)) found.lining = t("monitoring.scan.notANumber");
    if (
      !found.left &&
      !found.right &&
      !found.lining &&
      parsedLeft.sizes.length + parsedRight.sizes.length === 0 &&
      liningMm === null
    ) {
      found.form = t("monitoring.scan.empty");
    }
    if (Object.keys(found).length > 0 || !scannedAt) {
      fail(found);
      return;
    }
    setBusy(true);
    const r = await client.record("FollicleScanRecorded", {
      scanId: client.newId(),
      cycleId,
      scannedAt,
      leftMm: [...parsedLeft.sizes],
      rightMm: [...parsedRight.sizes],
      ...(liningMm !== null && { liningMm }),
      ...(pattern && { liningPattern: pattern }),
    });
    setBusy(false);
    if (r.ok) {
      toast.show(t("monitoring.scan.saved"));
      onDone();
      return;
    }
    const placed = placeProblem(i18n, r.error);
    if (placed.field === "leftMm" || placed.field === "rightMm") {
      const side = placed.field === "leftMm" ? "left" : "right";
      fail({
        [side]:
          placed.index === null
            ? t("monitoring.scan.sideProblem", { side, problem: placed.text })
            : t("monitoring.scan.follicleProblem", {
                side,
                n: placed.index + 1,
                problem: placed.text,
              }),
      });
    } else if (placed.field === "liningMm") {
      fail({ lining: t("monitoring.scan.liningProblem", { problem: placed.text }) });
    } else if (placed.field === "scannedAt") {
      fail({ when: t("form.problem", { message: placed.text }) });
    } else {
      fail({ form: notSaved(i18n, r.error) });
    }
  }

  const described = (name: FieldName, extra: string[] = []) =>
    [...extra, errors[name] ? `${id}-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  const errorText = (name: FieldName) =>
    errors[name] && (
      <p className="error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    );
  const understood = (side: "left" | "right", sizes: readonly number[], text: string) =>
    text.trim() !== "" && (
      <p className="understood small" id={`${id}-${side}-understood`}>
        {sizes.length === 0
          ? t("monitoring.scan.understoodNone")
          : t("monitoring.scan.understood", {
              count: sizes.length,
              sizes: sizes.map(mm).join(", "),
            })}
      </p>
    );

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("monitoring.scan.formTitle")}</h3>
      <div className={`field${errors.when ? " field-invalid" : ""}`}>
        <label htmlFor={`${id}-when`}>{t("monitoring.scan.when")}</label>
        <input
          id={`${id}-when`}
          ref={refs.when}
          type="datetime-local"
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          aria-invalid={errors.when ? true : undefined}
          aria-describedby={described("when")}
        />
        {errorText("when")}
      </div>
      <p className="hint" id={`${id}-sizes-hint`}>
        {t("monitoring.scan.sizesHint")}
      </p>
      {(["left", "right"] as const).map((side) => {
        const text = side === "left" ? left : right;
        const parsed = side === "left" ? parsedLeft : parsedRight;
        return (
          <div key={side} className={`field${errors[side] ? " field-invalid" : ""}`}>
            <label htmlFor={`${id}-${side}`}>
              {t(side === "left" ? "monitoring.scan.left" : "monitoring.scan.right")}
            </label>
            <input
              id={`${id}-${side}`}
              ref={refs[side]}
              inputMode="decimal"
              autoComplete="off"
              placeholder={t("monitoring.scan.sizesPlaceholder")}
              value={text}
              onChange={(e) => (side === "left" ? setLeft : setRight)(e.target.value)}
              aria-invalid={errors[side] ? true : undefined}
              aria-describedby={described(side, [
                `${id}-sizes-hint`,
                text.trim() ? `${id}-${side}-understood` : "",
              ])}
            />
            {understood(side, parsed.sizes, text)}
            {errorText(side)}
          </div>
        );
      })}
      <div className="form-pair">
        <div className={`field${errors.lining ? " field-invalid" : ""}`}>
          <label htmlFor={`${id}-lining`}>{t("monitoring.scan.lining")}</label>
          <div className="input-unit">
            <input
              id={`${id}-lining`}
              ref={refs.lining}
              inputMode="decimal"
              autoComplete="off"
              value={lining}
              onChange={(e) => setLining(e.target.value)}
              aria-invalid={errors.lining ? true : undefined}
              aria-describedby={described("lining")}
            />
            <span aria-hidden="true">mm</span>
          </div>
          {errorText("lining")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-pattern`}>{t("monitoring.scan.pattern")}</label>
          <select
            id={`${id}-pattern`}
            value={pattern}
            onChange={(e) => setPattern(e.target.value as Pattern)}
          >
            <option value="">{t("monitoring.scan.pattern.unsaid")}</option>
            <option value="triple-line">{t("monitoring.scan.pattern.triple-line")}</option>
            <option value="homogeneous">{t("monitoring.scan.pattern.homogeneous")}</option>
          </select>
        </div>
      </div>
      <FormError>{errors.form}</FormError>
      <div className="row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("form.saving") : t("monitoring.scan.save")}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
