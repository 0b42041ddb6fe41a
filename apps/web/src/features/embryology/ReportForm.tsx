import { type FormEvent, type ReactNode, useId } from "react";
import {
  DateField,
  type Form,
  FormButtons,
  type InputFieldProps,
} from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useT } from "../../i18n/i18n.tsx";

/**
 * The frame of every form on a retrieval's page (the day-1, day-3 and
 * blastocyst reports, test results, eggs frozen, a corrected count): its
 * heading, which names the form, then its fields, its own error line and the
 * save button. `saveLabel` null leaves the button out (nothing to save).
 */
export function ReportForm({
  title,
  form,
  onSubmit,
  saveLabel,
  children,
}: {
  title: string;
  form: Pick<Form<string>, "busy" | "formError">;
  onSubmit: (e: FormEvent) => void;
  saveLabel?: string | null;
  children: ReactNode;
}) {
  const t = useT();
  const id = useId();
  return (
    <form className="stack add-form" onSubmit={onSubmit} noValidate aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
      {saveLabel !== null && <FormButtons form={form} label={saveLabel ?? t("form.save")} />}
    </form>
  );
}

/** The day of the report (or of the eggs frozen), as the lab gave it. */
export function ReportDate(props: Omit<InputFieldProps, "label">) {
  const t = useT();
  return <DateField {...props} label={t("embryos.form.date")} />;
}

/** What a report form does once saved: says so, and closes. */
export function useReported(onDone: () => void): () => void {
  const t = useT();
  const toast = useToast();
  return () => {
    toast.show(t("embryos.form.saved"));
    onDone();
  };
}
