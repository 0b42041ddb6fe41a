/** A piece the pregnancy screens share: the "Remove" under an entry. */
import type { ClientProblem } from "@trellis/client";
import type { Result } from "@trellis/domain";
import { type Form, QuietButton, useForm } from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";

/**
 * The quiet "Remove" under a beta, an outcome or a step, for those who keep
 * the record: `remove` records the retraction through the action's form; once
 * saved, `removed` is said in a toast (a refusal is said there too).
 */
export function RemoveEntry({
  label,
  spoken,
  removed,
  remove,
  onRemoved,
  row = true,
}: {
  label: string;
  spoken: string;
  removed: string;
  remove: (action: Form<never>) => Promise<Result<unknown, ClientProblem>>;
  onRemoved?: () => void;
  /** In its own row of actions under the entry (`record-actions`), or bare where the entry sets it out. */
  row?: boolean;
}) {
  const action = useForm({ formLine: "toast" });
  const toast = useToast();
  async function click() {
    const r = await remove(action);
    if (!r.ok) return;
    onRemoved?.();
    toast.show(removed);
  }
  const button = <QuietButton label={label} spoken={spoken} onClick={() => void click()} />;
  return (
    <WhenCanRecord>{row ? <div className="record-actions">{button}</div> : button}</WhenCanRecord>
  );
}
