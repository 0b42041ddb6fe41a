import type { DeviceView } from "@trellis/client/sync";
import { useState } from "react";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { ConfirmDialog, FormError, QuietButton } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { callAccount, useSyncList } from "./calls.ts";
import { Frame } from "./Frame.tsx";

/**
 * Every device signed in to the account; any other one can be signed out
 * from here, after saying what that does: it erases what it holds at its
 * next start, and (for the record's owner) the record moves to a new key.
 */
export function DevicesScreen() {
  const { t, dateTime } = useI18n();
  const sync = useAccountSync();
  const owner = useSyncSnapshot().vault?.role === "owner";
  const toast = useToast();
  const [asking, setAsking] = useState<DeviceView | null>(null);
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
      <p className="muted small">{t("account.devices.signOutHint")}</p>
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
                  onClick={() => setAsking(d)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={t("account.devices.confirm.title", { name: asking?.deviceName ?? "" })}
        body={t(owner ? "account.devices.confirm.body" : "account.devices.confirm.bodyShared", {
          name: asking?.deviceName ?? "",
        })}
        confirmLabel={t("account.devices.confirm.yes")}
        cancelLabel={t("account.devices.confirm.no")}
        onConfirm={() => {
          const device = asking;
          setAsking(null);
          if (device) void signOut(device);
        }}
        onClose={() => setAsking(null)}
      />
    </Frame>
  );
}
