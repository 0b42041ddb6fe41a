import { TextField } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";

/** An input: its id and error (`form.field`), its text and how it changes. */
interface Text {
  readonly id: string;
  readonly error: string | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/**
 * Where frozen embryos or eggs are kept, both parts optional, as the clinic
 * says them. With a `clinic`: the clinic, then the tank, canister or straw,
 * side by side under a legend that says what they are for (`paired`), or one
 * above the other with a hint. Without: one line for where they are kept.
 */
export function StorageFields({
  clinic,
  location,
  paired = false,
}: {
  clinic?: Text;
  location: Text;
  paired?: boolean;
}) {
  const t = useT();
  if (!clinic) {
    return <TextField {...location} label={t("embryos.new.location")} />;
  }
  const fields = (
    <>
      <TextField {...clinic} label={t("embryos.actions.clinic")} />
      <TextField
        {...location}
        label={t("embryos.actions.location")}
        hint={paired ? undefined : t("embryos.actions.location.hint")}
      />
    </>
  );
  return paired ? <div className="form-pair">{fields}</div> : fields;
}
