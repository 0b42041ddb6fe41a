import { TextField } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";

/** An input's text and how it changes. */
interface Text {
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/**
 * Where frozen embryos or eggs are kept: the clinic and the tank, canister or
 * straw, both optional, as the clinic says them. Side by side under a legend
 * that says what they are for (`paired`), or one above the other with a hint.
 * `field` gives each input its id and error (`form.field`).
 */
export function StorageFields({
  field,
  clinic,
  location,
  paired = false,
}: {
  field: (name: "clinic" | "location") => { id: string; error: string | undefined };
  clinic: Text;
  location: Text;
  paired?: boolean;
}) {
  const t = useT();
  const fields = (
    <>
      <TextField {...field("clinic")} {...clinic} label={t("embryos.actions.clinic")} />
      <TextField
        {...field("location")}
        {...location}
        label={t("embryos.actions.location")}
        hint={paired ? undefined : t("embryos.actions.location.hint")}
      />
    </>
  );
  return paired ? <div className="form-pair">{fields}</div> : fields;
}
