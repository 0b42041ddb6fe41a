import type { Result } from "@trellis/domain";
import { useState } from "react";
import { reasonText } from "../../app/sync-words.ts";
import { useT } from "../../i18n/i18n.tsx";
import { SafetyCode } from "../sharing/index.ts";

/**
 * The optional safety code, folded: worked out only when the person opens
 * it (a quarter of a second of work), then shown large to compare.
 */
export function SafetyCodeCheck({
  summary,
  body,
  load,
}: {
  summary: string;
  body: string;
  load: () => Promise<Result<string, { reason: string }>> | null;
}) {
  const t = useT();
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);

  function open(isOpen: boolean) {
    if (!isOpen || asked) return;
    const pending = load();
    if (!pending) return;
    setAsked(true);
    void pending.then((r) => {
      if (r.ok) setCode(r.value);
      else {
        setError(reasonText(t, r.error.reason));
        setAsked(false);
      }
    });
  }

  return (
    <details className="source" onToggle={(e) => open(e.currentTarget.open)}>
      <summary>{summary}</summary>
      <div className="stack-tight">
        <p className="small">{body}</p>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : (
          asked && <SafetyCode code={code} />
        )}
      </div>
    </details>
  );
}
