import type { DeviceView } from "@trellis/client/sync";
import { useCallback, useEffect, useState } from "react";
import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useAccountSync } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { Frame } from "./Frame.tsx";

/** Every device signed in to the account; any other one can be signed out from here. */
export function DevicesScreen() {
  const { t, dateTime } = useI18n();
  const sync = useAccountSync();
  const toast = useToast();
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const load = useCallback(async () => {
    if (!sync) return;
    const r = await sync.devices();
    if (r.ok) {
      setDevices(r.value);
      setProblem(null);
    } else setProblem(reasonText(t, r.error.reason));
  }, [sync, t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function signOut(device: DeviceView) {
    if (!sync) return;
    const r = await sync.signOutDevice(device.sessionId);
    if (!r.ok) return setProblem(reasonText(t, r.error.reason));
    toast.show(t("account.devices.signedOut", { name: device.deviceName }));
    await load();
  }

  return (
    <Frame title={t("account.devices.title")} intro={t("account.devices.intro")}>
      <FormError>{problem}</FormError>
      {devices === null && !problem && <p className="muted">{t("account.loading")}</p>}
      {devices && (
        <ul className="plain-list stack-tight">
          {devices.map((d) => (
            <li key={d.sessionId} className="card device-row">
              <div>
                <p className="device-name">{d.deviceName}</p>
                <p className="muted small">
                  {d.current
                    ? t("account.devices.current")
                    : t("account.devices.lastSeen", {
                        date: dateTime(Date.parse(d.lastSeenAt), zone),
                      })}
                </p>
              </div>
              {!d.current && (
                <button
                  type="button"
                  className="button"
                  aria-label={t("account.devices.signOutLabel", { name: d.deviceName })}
                  onClick={() => void signOut(d)}
                >
                  {t("account.devices.signOut")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="account-footer">
        <Link href={routes.settings}>{t("account.back")}</Link>
      </p>
    </Frame>
  );
}
