import { type FormEvent, useId, useState } from "react";
import {
  DateTimeField,
  Field,
  FormButtons,
  isInFuture,
  localInputNow,
  MeasureField,
  type ParsedSizes,
  parseDecimal,
  parseSizes,
  SelectField,
  useForm,
  zonedFromLocalInput,
} from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { fieldIndex } from "../../i18n/refusals.ts";
import type { CycleFormProps } from "./add-form.ts";

type Pattern = "" | "triple-line" | "homogeneous";

/**
 * One ultrasound: when, the follicle sizes per ovary as the sonographer reads
 * them out ("14, 12.5, 11"), and the lining. Shows back the numbers it
 * understood, and puts any refusal next to the field it is about.
 */
export function ScanForm({ cycleId, zone, onDone }: CycleFormProps) {
  const { t, number } = useI18n();
  const toast = useToast();
  const id = useId();
  const form = useForm<"when" | "left" | "right" | "lining">({
    from: { scannedAt: "when", leftMm: "left", rightMm: "right", liningMm: "lining" },
    // Which ovary, and which follicle of the list when the refusal names one.
    words: (problem, p, field) => {
      if (field === "lining") return t("monitoring.scan.liningProblem", { problem });
      if (field !== "left" && field !== "right") return problem;
      const n = fieldIndex(p);
      return n === null
        ? t("monitoring.scan.sideProblem", { side: field, problem })
        : t("monitoring.scan.follicleProblem", { side: field, n: n + 1, problem });
    },
  });
  const [when, setWhen] = useState(() => localInputNow(zone));
  const [left, setLeft] = useState("");
  const [right, setRight] = useState("");
  const [lining, setLining] = useState("");
  const [pattern, setPattern] = useState<Pattern>("");

  const parsedLeft = parseSizes(left);
  const parsedRight = parseSizes(right);
  const mm = (n: number) => number(n, { maximumFractionDigits: 1 });

  async function save(e: FormEvent) {
    e.preventDefault();
    const scannedAt = zonedFromLocalInput(when, zone);
    const unreadable = ({ unreadable: pieces }: ParsedSizes) =>
      pieces.length === 0
        ? undefined
        : t("monitoring.scan.unreadable", { pieces: pieces.map((p) => `“${p}”`).join(", ") });
    const liningMm = parseDecimal(lining);
    const found = {
      when: !scannedAt
        ? t("form.required")
        : isInFuture(scannedAt, Date.now())
          ? t("form.dateInFuture")
          : undefined,
      left: unreadable(parsedLeft),
      right: unreadable(parsedRight),
      lining:
        liningMm !== null && Number.isNaN(liningMm) ? t("monitoring.scan.notANumber") : undefined,
    };
    const nothing =
      !found.left &&
      !found.right &&
      !found.lining &&
      parsedLeft.sizes.length + parsedRight.sizes.length === 0 &&
      liningMm === null;
    if (form.fail({ ...found, form: nothing ? t("monitoring.scan.empty") : undefined })) return;
    if (!scannedAt) return;
    const r = await form.record("FollicleScanRecorded", {
      scanId: form.newId(),
      cycleId,
      scannedAt,
      leftMm: [...parsedLeft.sizes],
      rightMm: [...parsedRight.sizes],
      ...(liningMm !== null && { liningMm }),
      ...(pattern && { liningPattern: pattern }),
    });
    if (r.ok) {
      toast.show(t("monitoring.scan.saved"));
      onDone();
    }
  }

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
      <DateTimeField
        {...form.field("when")}
        label={t("monitoring.scan.when")}
        value={when}
        onChange={setWhen}
      />
      <p className="hint" id={`${id}-sizes-hint`}>
        {t("monitoring.scan.sizesHint")}
      </p>
      {(["left", "right"] as const).map((side) => {
        const text = side === "left" ? left : right;
        const parsed = side === "left" ? parsedLeft : parsedRight;
        return (
          <Field
            key={side}
            {...form.field(side)}
            label={t(side === "left" ? "monitoring.scan.left" : "monitoring.scan.right")}
            also={[`${id}-sizes-hint`, text.trim() && `${id}-${side}-understood`]}
          >
            {(input) => (
              <>
                <input
                  {...input}
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder={t("monitoring.scan.sizesPlaceholder")}
                  value={text}
                  onChange={(e) => (side === "left" ? setLeft : setRight)(e.target.value)}
                />
                {understood(side, parsed.sizes, text)}
              </>
            )}
          </Field>
        );
      })}
      <div className="form-pair">
        <MeasureField
          {...form.field("lining")}
          label={t("monitoring.scan.lining")}
          unit="mm"
          value={lining}
          onChange={setLining}
        />
        <SelectField
          id={`${id}-pattern`}
          label={t("monitoring.scan.pattern")}
          options={(["", "triple-line", "homogeneous"] as const).map((p) => ({
            value: p,
            label: t(p ? `monitoring.scan.pattern.${p}` : "monitoring.scan.pattern.unsaid"),
          }))}
          value={pattern}
          onChange={setPattern}
        />
      </div>
      <FormButtons form={form} label={t("monitoring.scan.save")} onCancel={onDone} />
    </form>
  );
}
