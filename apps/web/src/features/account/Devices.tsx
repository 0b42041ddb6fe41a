import type { DeviceView } from "@trellis/client/sync";
import { useAccountSync } from "../../app/sync-context.tsx";
import { FormError, QuietButton } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { callAccount, useSyncList } from "./calls.ts";
import { Frame } from "./Frame.tsx";

/** Every device signed in to the account; any other one can be signed out from here. */
export function DevicesScreen() {
  const { t, dateTime } = useI18n();
  const sync = useAccountSync();
  const toast = useToast();
  const { items: devices, form, reload } = useSyncList((s) => s.devices());
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function signOut(device: DeviceView) {
    if (!sync) return;
    const r = await callAccount(form, t, () => sync.signOutDevice(device.sessionId));
    if (!r.ok) return;
    toast.show(t("account.devices.signedOut", { name: device.deviceName }));
    await reload();
  }

  return (
    <Frame backToSettings title={t("account.devices.title")} intro={t("account.devices.intro")}>
      <FormError>{form.formError}</FormError>
      {devices === null && !form.formError && <p className="muted">{t("account.loading")}</p>}
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
                <QuietButton
                  tone="plain"
                  label={t("account.devices.signOut")}
                  spoken={t("account.devices.signOutLabel", { name: d.deviceName })}
                  disabled={form.busy}
                  onClick={() => void signOut(d)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Frame>
  );
}
