import { useId, useState } from "react";
import { useLocation } from "wouter";
import { useClient } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { useCircles, useSignOutHere } from "../../app/sync-context.tsx";
import { FormButtons, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { callAccount } from "../account/index.ts";
import type { CircleSummary } from "./circles-api.ts";
import { forgetReader } from "./reader-mark.ts";

/**
 * A reader's way out on this phone (a phone passed on, or lost and found
 * again): leaves every circle, so the people who invited them see them
 * gone; signs this phone out; and erases what it kept. Asked once more
 * first. If a circle cannot be left (offline), nothing further is done
 * and the reason is said.
 */
export function StopReading({ circles: mine }: { circles: readonly CircleSummary[] }) {
  const t = useT();
  const id = useId();
  const client = useClient();
  const circles = useCircles();
  const signOut = useSignOutHere();
  const form = useForm();
  const [, navigate] = useLocation();
  const [asking, setAsking] = useState(false);

  async function stop() {
    if (!circles) return;
    for (const c of mine) {
      const left = await callAccount(form, t, () => circles.leave(c.circleId));
      if (!left.ok) return;
    }
    if (signOut) {
      const out = await callAccount(form, t, signOut);
      if (!out.ok) return;
    }
    await client.eraseDevice();
    forgetReader();
    navigate(routes.today, { replace: true });
  }

  return (
    <section className="card stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("reader.stop.title")}</h2>
      <p className="hint">{t("reader.stop.body")}</p>
      {asking ? (
        <form
          className="stack-tight"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void stop();
          }}
        >
          <p role="alert">{t("reader.stop.confirmBody")}</p>
          <FormButtons
            form={form}
            label={t("reader.stop.confirm")}
            busyLabel={t("reader.stop.busy")}
            onCancel={() => setAsking(false)}
          />
        </form>
      ) : (
        <div>
          <button type="button" className="button button-quiet" onClick={() => setAsking(true)}>
            {t("reader.stop.start")}
          </button>
        </div>
      )}
    </section>
  );
}
