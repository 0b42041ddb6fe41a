import { type FormEvent, useState } from "react";
import { useClientValue } from "../../app/client-context.tsx";
import { useReaderName } from "../../app/reader.ts";
import { FormButtons, TextField, useForm } from "../../components/forms/index.ts";
import { TitledCard } from "../../components/TitledCard.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * The name this device greets its holder by. Kept on this device only, so a
 * partner's phone says the partner's name and the owner's says hers; a
 * viewer may give one too. Empty goes back to the name the record has for
 * this device's role.
 */
export function ReaderName() {
  const { t } = useI18n();
  const form = useForm<"readerName">();
  const toast = useToast();
  const own = useClientValue((client) => client.deviceSettings.readerName) ?? "";
  const greeted = useReaderName();
  const [draft, setDraft] = useState(own);

  async function save(e: FormEvent) {
    e.preventDefault();
    const name = draft.trim();
    const r = await form.changeDeviceSettings({ readerName: name || null });
    if (r.ok) toast.show(t("reader.saved"));
  }

  return (
    <TitledCard className="card stack-tight" title={t("reader.title")}>
      <form className="stack-tight" onSubmit={save} noValidate>
        <TextField
          {...form.bind("readerName", draft, setDraft)}
          label={t("reader.name")}
          hint={greeted ? t("reader.hint.named", { name: greeted }) : t("reader.hint.unnamed")}
          maxLength={80}
          autoComplete="given-name"
        />
        <FormButtons form={form} label={t("reader.save")} />
      </form>
    </TitledCard>
  );
}
