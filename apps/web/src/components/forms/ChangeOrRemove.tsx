import type { ReactNode } from "react";
import type { WordsFamily } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n.tsx";
import { WhenCanRecord } from "../ReadOnly.tsx";
import { ConfirmButton, QuietButton } from "./buttons.tsx";

/** What `ChangeOrRemove` says, each under its entry's words in the catalogue. */
type Said = "edit" | "editLabel" | "remove" | "removeLabel" | "removeTitle" | "removeBody" | "keep";

/** A part of the catalogue with all that `ChangeOrRemove` says: `clinics`, `support.own`, `remembrance`. */
export type ChangeOrRemoveWords = WordsFamily<Said>;

/**
 * "Change" and "Remove" under an entry the person keeps (a clinic, one of
 * their own support lines, a remembrance), for those who may record: change
 * opens the entry's form (`onEdit`); remove asks first, then `onRemove`. Each
 * button says which entry (`name`) to a screen reader. The words are the
 * catalogue's under `words` (`<words>.edit`, `.editLabel`, `.remove`,
 * `.removeLabel`, `.removeTitle`, `.removeBody`, `.keep`, each given `name`);
 * `children` are other actions on the entry, between the two.
 */
export function ChangeOrRemove({
  words,
  name,
  onEdit,
  onRemove,
  children,
}: {
  words: ChangeOrRemoveWords;
  name: string;
  onEdit: () => void;
  onRemove: () => void;
  children?: ReactNode;
}) {
  const t = useT();
  const said = (what: Said) => t(`${words}.${what}`, { name });
  return (
    <WhenCanRecord>
      <div className="row record-actions">
        <QuietButton label={said("edit")} spoken={said("editLabel")} onClick={onEdit} />
        {children}
        <ConfirmButton
          label={said("remove")}
          spoken={said("removeLabel")}
          title={said("removeTitle")}
          body={said("removeBody")}
          cancelLabel={said("keep")}
          onConfirm={onRemove}
        />
      </div>
    </WhenCanRecord>
  );
}
