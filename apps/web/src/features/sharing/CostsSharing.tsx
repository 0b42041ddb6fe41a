import { useEffect, useId } from "react";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { FormError, Switch, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { callAccount } from "../account/index.ts";

/**
 * Who sees costs, on the sharing screen. The owner's switch: partners
 * always see costs; people who can see only, when the owner chooses
 * (earlier costs too). Turned off, costs added afterwards are kept from
 * them; what already reached their phones stays there. A viewer reads
 * where it stands for them. The switch's state is what the owner signed,
 * as this device last read it.
 */
export function CostsSharing() {
  const { t } = useI18n();
  const snapshot = useSyncSnapshot();
  const vault = snapshot.vault;
  const sync = useAccountSync();
  const toast = useToast();
  const form = useForm();
  const hintId = useId();
  const role = vault?.role;
  // A viewer asks again on opening: the owner may have just changed it.
  useEffect(() => {
    if (role === "viewer") sync?.nudge();
  }, [role, sync]);
  if (vault?.state !== "active") return null;

  if (role === "viewer") {
    return (
      <section className="card stack-tight costs-sharing" aria-labelledby={`${hintId}-title`}>
        <h2 id={`${hintId}-title`}>{t("sharing.costs.title")}</h2>
        <CostsNotSharedText />
      </section>
    );
  }
  if (role !== "owner") return null;

  const on = vault.costs?.forViewers ?? false;
  async function toggle() {
    if (!sync) return;
    const r = await callAccount(form, t, () => sync.setCostsForViewers(!on));
    if (r.ok) toast.show(on ? t("sharing.costs.hidden") : t("sharing.costs.shown"));
  }
  return (
    <section className="card stack-tight costs-sharing" aria-labelledby={`${hintId}-title`}>
      <h2 id={`${hintId}-title`}>{t("sharing.costs.title")}</h2>
      <p className="hint" id={hintId}>
        {t("sharing.costs.hint")}
      </p>
      <Switch
        on={on}
        label={t("sharing.costs.switch")}
        describedBy={hintId}
        disabled={form.busy || !vault.costs}
        onToggle={() => void toggle()}
      />
      <FormError>{form.formError}</FormError>
    </section>
  );
}

/** Whether this device is a viewer's that cannot read costs (the owner has not shared them). */
export function useCostsKeptFromMe(): boolean {
  const vault = useSyncSnapshot().vault;
  return vault?.role === "viewer" && !vault.costs?.readable;
}

/**
 * For a viewer: whether costs are shared with them. Null for the owner, a
 * partner, or a viewer who can read costs. The Costs section shows it in
 * place of its totals.
 */
export function CostsNotShared() {
  if (!useCostsKeptFromMe()) return null;
  return (
    <div className="card">
      <CostsNotSharedText />
    </div>
  );
}

function CostsNotSharedText() {
  const { t } = useI18n();
  const costs = useSyncSnapshot().vault?.costs;
  if (!costs) return <p className="muted">{t("sharing.costs.checking")}</p>;
  return <p>{costs.readable ? t("sharing.costs.sharedWithYou") : t("sharing.costs.notShared")}</p>;
}
