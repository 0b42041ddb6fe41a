import type { FormEvent, ReactNode } from "react";
import { type Form, FormButtons } from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import type { WordsFamily } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n.tsx";

/**
 * A screen that is one form (a retrieval, eggs frozen earlier, a thaw): the
 * page's title and intro, the form as one card, its error line and save
 * button (`sticky` within thumb reach on a long form). The words are the
 * catalogue's under `words` (`<words>.title`, `.intro`, `.save`).
 */
export function PageForm({
  words,
  form,
  onSubmit,
  sticky = false,
  children,
}: {
  words: WordsFamily<"title" | "intro" | "save">;
  form: Pick<Form<string>, "busy" | "formError">;
  onSubmit: (e: FormEvent) => void;
  sticky?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Page title={t(`${words}.title`)} intro={t(`${words}.intro`)}>
      <form className="card stack" onSubmit={onSubmit} noValidate>
        {children}
        <FormButtons form={form} label={t(`${words}.save`)} sticky={sticky} />
      </form>
    </Page>
  );
}
