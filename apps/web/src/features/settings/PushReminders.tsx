import { useEffect, useId, useState } from "react";
import { useClient } from "../../app/client-context.tsx";
import {
  pushSupported,
  readPushDevice,
  setDecoys,
  turnOffPush,
  turnOnPush,
  uploadPushQueue,
} from "../../app/push-device.ts";
import { Switch, useForm } from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { useLock } from "../lock/index.ts";

type Shown = { on: boolean; decoys: boolean } | null;

/**
 * Reminders when Trellis is closed (Web Push): one switch that subscribes,
 * registers this device at the relay and uploads the next 14 days; off
 * deletes it all at the relay. Decoys are a second switch, off by default.
 */
export function PushReminders({ allowed }: { allowed: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const lockOn = useLock()?.status.on ?? false;
  const id = useId();
  const [shown, setShown] = useState<Shown>(null);
  const form = useForm();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    void readPushDevice(client).then((d) =>
      setShown({ on: d !== null, decoys: d?.decoys ?? false }),
    );
  }, [client]);

  if (!pushSupported()) return <p className="notice">{t("push.unsupported")}</p>;
  if (!shown) return null;

  async function change(work: () => Promise<unknown>) {
    setFailed(false);
    const worked = await form.run(() =>
      work().then(
        () => true,
        () => false,
      ),
    );
    // A relay out of reach or a refused subscription: said plainly, and the switch shows what is true.
    if (!worked) setFailed(true);
    const d = await readPushDevice(client);
    setShown({ on: d !== null, decoys: d?.decoys ?? false });
  }

  const upload = () => uploadPushQueue(client, i18n, { lockOn });
  return (
    <div className="stack-tight">
      <h3 id={`${id}-title`}>{t("push.title")}</h3>
      <p className="hint" id={`${id}-hint`}>
        {t("push.body")}
      </p>
      <Switch
        on={shown.on}
        label={t(shown.on ? "push.turnOff" : "push.turnOn")}
        describedBy={`${id}-hint`}
        disabled={form.busy || (!allowed && !shown.on)}
        onToggle={() =>
          void change(async () => {
            if (shown.on) await turnOffPush(client);
            else {
              await turnOnPush(client);
              await upload();
            }
          })
        }
      />
      <p role="status">
        {failed
          ? t("push.failed")
          : !allowed && !shown.on
            ? t("push.needsPermission")
            : t(shown.on ? "push.on" : "push.off")}
      </p>
      {shown.on && (
        <>
          <p className="hint" id={`${id}-decoys`}>
            {t("push.decoys.hint")}
          </p>
          <Switch
            on={shown.decoys}
            label={t("push.decoys")}
            describedBy={`${id}-decoys`}
            disabled={form.busy}
            onToggle={() =>
              void change(async () => {
                await setDecoys(client, !shown.decoys);
                await upload();
              })
            }
          />
          {lockOn && <p className="hint">{t("push.lockNeutral")}</p>}
        </>
      )}
    </div>
  );
}
