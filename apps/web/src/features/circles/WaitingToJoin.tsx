import { useEffect } from "react";
import { useCircles } from "../../app/sync-context.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { SafetyCodeCheck } from "./SafetyCodeCheck.tsx";
import { useCircleList } from "./use-circle-data.ts";

/**
 * A reader who joined, until the person lets them in: what happens next,
 * the optional safety code to compare with them, and a gentle ask every few
 * seconds; `onLetIn` once they are in.
 */
export function WaitingToJoin({ circleId, onLetIn }: { circleId: string; onLetIn?: () => void }) {
  const t = useT();
  const circles = useCircles();
  const { value: list } = useCircleList();
  const inNow = list?.some((c) => c.circleId === circleId && c.state === "active") ?? false;
  useEffect(() => {
    if (inNow) onLetIn?.();
  }, [inNow, onLetIn]);

  return (
    <section className="card stack-tight">
      <p role="status">{t("join.waiting.body")}</p>
      <SafetyCodeCheck
        summary={t("join.compare")}
        body={t("join.compareBody")}
        load={() =>
          circles
            ? circles.members(circleId).then((r) => {
                const owner = r.ok ? r.value.find((m) => m.role === "owner") : undefined;
                if (!r.ok) return r;
                if (!owner) return { ok: false as const, error: { reason: "not-found" } };
                return circles.safetyCode(circleId, owner.accountId);
              })
            : null
        }
      />
    </section>
  );
}
