import type { ClientProblem, TrellisClient } from "@trellis/client";
import { err, ok, type Result } from "@trellis/domain";
import { Fragment, type ReactNode, useRef, useState } from "react";
import { setDocumentTitle, shownAppName } from "../../app/discreet.ts";
import { useT } from "../../i18n/i18n.tsx";
import { makeDeviceUnlock } from "./device-unlock.ts";
import { ErasedScreen, LockScreen } from "./LockScreen.tsx";
import type { DeviceKey, LockStatus, UnlockFailure } from "./lock-api.ts";
import { LockContext, type LockControls } from "./lock-context.tsx";
import { NeutralPage, OtherTabScreen } from "./NeutralPage.tsx";
import { connect, type GateStart } from "./open-gate.ts";
import { useAutoLock } from "./use-auto-lock.ts";
import { useDoubleEscape } from "./use-double-escape.ts";
import { useLockChannel } from "./use-lock-channel.ts";

type Phase =
  | { readonly kind: "open"; readonly client: TrellisClient; readonly generation: number }
  | { readonly kind: "locked" }
  | { readonly kind: "opening" }
  | { readonly kind: "erased" }
  | { readonly kind: "elsewhere" }
  /** Quick exit: the plain page; `client` is kept only with the lock off. */
  | {
      readonly kind: "neutral";
      readonly client: TrellisClient | null;
      readonly generation: number;
    };

let generations = 0;
const opened = (client: TrellisClient): Phase => ({
  kind: "open",
  client,
  generation: ++generations,
});

/**
 * The app behind the lock: the lock screen until it is unlocked, then `app`
 * with the record; locks again on "Lock now", after the page has been
 * hidden long enough, and on quick exit. The key lives only here, in
 * memory: a reload forgets it, so a reload locks too.
 */
export function LockGate({
  start,
  app,
  onFailure,
}: {
  start: GateStart;
  app: (client: TrellisClient) => ReactNode;
  onFailure: (cause: unknown) => void;
}) {
  const t = useT();
  const { lock, backend } = start;
  const [status, setStatus] = useState<LockStatus>(start.status);
  const [phase, setPhase] = useState<Phase>(() =>
    start.client ? opened(start.client) : { kind: "locked" },
  );
  const key = useRef<DeviceKey | null>(null);
  const current = useRef(phase);
  current.current = phase;

  function show(next: Phase) {
    current.current = next;
    setPhase(next);
  }

  /** Closes the open record (if any) and forgets the key. */
  function letGo(): void {
    const p = current.current;
    if ((p.kind === "open" || p.kind === "neutral") && p.client) p.client.close();
    key.current?.fill(0);
    key.current = null;
  }

  async function refresh(): Promise<LockStatus> {
    const next = await lock.status();
    setStatus(next);
    return next;
  }

  async function openWith(k: DeviceKey | null): Promise<void> {
    key.current = k;
    const storage = k
      ? await backend.openSealedIndexedDbStorage(k)
      : await backend.openIndexedDbStorage();
    show(opened(await connect(storage)));
  }

  async function unlocked(k: DeviceKey) {
    show({ kind: "opening" });
    try {
      await openWith(k);
      await refresh();
    } catch (cause) {
      onFailure(cause);
    }
  }

  function lockNow() {
    if (!status.on || current.current.kind !== "open") return;
    letGo();
    setDocumentTitle(t("app.name"));
    show({ kind: "locked" });
    void refresh();
  }

  function quickExit() {
    const p = current.current;
    if (p.kind !== "open") return;
    history.replaceState(null, "", "/");
    if (status.on) {
      letGo();
      show({ kind: "neutral", client: null, generation: p.generation });
    } else show({ kind: "neutral", client: p.client, generation: p.generation });
  }

  function back() {
    const p = current.current;
    if (p.kind !== "neutral") return;
    setDocumentTitle(t("app.name"));
    show(
      p.client ? { kind: "open", client: p.client, generation: p.generation } : { kind: "locked" },
    );
  }

  const channel = useLockChannel(() => {
    letGo();
    show({ kind: "elsewhere" });
  });

  /**
   * Runs a change that moves the record: other tabs let go of it first; the
   * lock tells them to reload when it moved, this tab when it did not.
   */
  async function moving<T, E>(task: () => Promise<Result<T, E>>): Promise<Result<T, E>> {
    channel.tell("changing");
    try {
      const r = await task();
      if (!r.ok) channel.tell("unchanged");
      return r;
    } catch (cause) {
      channel.tell("unchanged");
      onFailure(cause);
      throw cause;
    }
  }

  const erased = (r: Result<DeviceKey, UnlockFailure>) => !r.ok && r.error.reason === "erased";
  /** Tries that may erase the device: the lock's "erased" announcement is this tab's own. */
  const tries = {
    unlock: (passphrase: string) => channel.own("erased", () => lock.unlock(passphrase), erased),
    unlockWithDevice: (output: Uint8Array) =>
      channel.own("erased", () => lock.unlockWithDevice(output), erased),
  };

  const controls: LockControls = {
    status,
    lockNow,
    quickExit,
    turnOn: (passphrase, settings) =>
      moving(async () => {
        letGo();
        const r = await channel.own(
          "on",
          () => lock.turnOn(passphrase, settings),
          (x) => x.ok,
        );
        await openWith(r.ok ? r.value : null);
        await refresh();
        return r.ok ? ok(undefined) : r;
      }),
    turnOff: (passphrase) =>
      moving(async (): Promise<Result<void, UnlockFailure | ClientProblem>> => {
        // A try that may be the last allowed erases the device, which waits for open
        // databases: the record is closed before such a try, and only then.
        const limit = status.settings.eraseAfterTries;
        const mayErase = limit !== null && status.wrongTries + 1 >= limit;
        const held = key.current ? (new Uint8Array(key.current) as DeviceKey) : null;
        if (mayErase) letGo();
        const u = await tries.unlock(passphrase);
        if (!u.ok) {
          if (u.error.reason === "erased") show({ kind: "erased" });
          else if (mayErase) await openWith(held);
          await refresh();
          return u;
        }
        letGo();
        const r = await channel.own(
          "off",
          () => lock.turnOff(u.value),
          (x) => x.ok,
        );
        await openWith(r.ok ? null : u.value);
        await refresh();
        return r;
      }),
    async changePassphrase(passphrase) {
      if (!key.current) return err({ reason: "storage-failed", field: "passphrase" });
      return lock.changePassphrase(key.current, passphrase);
    },
    async changeSettings(settings) {
      await lock.changeSettings(settings);
      await refresh();
    },
    async addDeviceUnlock() {
      if (!key.current) return err("cancelled");
      const salt = backend.newPrfSalt();
      const made = await makeDeviceUnlock(salt, shownAppName(t("app.name")));
      if (!made.ok) return made;
      await lock.addDeviceUnlock(key.current, made.credentialId, salt, made.prfOutput);
      await refresh();
      return ok(undefined);
    },
    async removeDeviceUnlock() {
      await lock.removeDeviceUnlock();
      await refresh();
    },
  };

  useAutoLock(status.on && phase.kind === "open", status.settings.lockAfterMinutes, lockNow);
  useDoubleEscape(phase.kind === "open", quickExit);

  switch (phase.kind) {
    case "open":
      return (
        <LockContext.Provider value={controls}>
          <Fragment key={phase.generation}>{app(phase.client)}</Fragment>
        </LockContext.Provider>
      );
    case "locked":
      return (
        <LockScreen
          lock={tries}
          status={status}
          onUnlocked={unlocked}
          onErased={() => show({ kind: "erased" })}
        />
      );
    case "opening":
      return <p className="loading">{t("app.loading")}</p>;
    case "erased":
      return <ErasedScreen />;
    case "elsewhere":
      return <OtherTabScreen />;
    case "neutral":
      return <NeutralPage onBack={back} />;
  }
}
