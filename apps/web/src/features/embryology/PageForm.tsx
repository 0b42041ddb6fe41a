import type { FormEvent, ReactNode } from "react";
import { useLocation } from "wouter";
import { type Form, FormButtons } from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import { useToast } from "../../components/Toast.tsx";

/**
 * A screen that is one form (a retrieval, eggs frozen earlier, a thaw): the
 * page's title and intro, the form as one card, its error line and save
 * button (`sticky` within thumb reach on a long form).
 */
export function PageForm({
  title,
  intro,
  form,
  onSubmit,
  saveLabel,
  sticky = false,
  children,
}: {
  title: string;
  intro: string;
  form: Pick<Form<string>, "busy" | "formError">;
  onSubmit: (e: FormEvent) => void;
  saveLabel: string;
  sticky?: boolean;
  children: ReactNode;
}) {
  return (
    <Page title={title} intro={intro}>
      <form className="card stack" onSubmit={onSubmit} noValidate>
        {children}
        <FormButtons form={form} label={saveLabel} sticky={sticky} />
      </form>
    </Page>
  );
}

/** What a screen's form does once saved: says so (`words`), and goes to what was saved (`to`). */
export function useSaved(): (words: string, to: string) => void {
  const toast = useToast();
  const [, navigate] = useLocation();
  return (words, to) => {
    toast.show(words);
    navigate(to);
  };
}
