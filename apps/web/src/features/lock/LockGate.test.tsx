// @vitest-environment happy-dom
import { openClient, type TrellisClient } from "@trellis/client";
import { act } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useJourneyState } from "../../app/client-context.tsx";
import { type MemoryLock, memoryLock } from "../../testing/memory-lock.ts";
import { enter, InApp, mountEachTest } from "../../testing/mount.tsx";
import { LockGate } from "./LockGate.tsx";
import { useLock } from "./lock-context.tsx";
import { openLockGate } from "./open-gate.ts";

const view = mountEachTest();
const MARKER = "Juniper-7781";

/** The record's one visible thing, and the lock's controls as buttons. */
function Probe() {
  const name = useJourneyState().journey?.displayName;
  const lock = useLock()!;
  return (
    <div>
      <p id="name">{name}</p>
      <button type="button" onClick={lock.lockNow}>
        Lock now
      </button>
      <button type="button" onClick={lock.quickExit}>
        Quick exit
      </button>
    </div>
  );
}

async function withJourney(backend: MemoryLock): Promise<void> {
  const client = await openClient({ storage: backend.record });
  const r = await client.record("JourneyCreated", {
    displayName: MARKER,
    dateOfBirth: "1988-06-02",
    homeZone: "Europe/London",
    createdAt: "2026-03-03T09:00:00+00:00[Europe/London]",
  });
  expect(r.ok).toBe(true);
}

/** Lets the gate's promises and React's renders run until `done` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++)
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
  expect(done()).toBe(true);
}

const text = () => view.host.textContent ?? "";
const button = (name: string) =>
  [...view.host.querySelectorAll("button")].find((b) => b.textContent === name)!;
const passField = () => view.host.querySelector<HTMLInputElement>("input[type=password]")!;

async function gate(backend: MemoryLock) {
  const start = await openLockGate(backend);
  const failures: unknown[] = [];
  await view.render(
    <LockGate
      start={start}
      app={(client: TrellisClient) => (
        <InApp client={client}>
          <Probe />
        </InApp>
      )}
      onFailure={(cause) => failures.push(cause)}
    />,
  );
  return failures;
}

async function tryPassphrase(p: string) {
  await enter(passField(), p);
  await act(async () => button("Unlock").click());
  await until(() => !button("Unlock")?.textContent?.includes("Unlocking"));
}

let backend: MemoryLock;
afterEach(() => {
  vi.useRealTimers();
});
beforeEach(async () => {
  backend = memoryLock();
  await withJourney(backend);
});

describe("the start gate", () => {
  it("opens the record as before when the lock is off", async () => {
    await gate(backend);
    await until(() => text().includes(MARKER));
    expect(backend.openCount).toBe(1);
  });

  it("shows only the name and the way in when the lock is on, and the record after the passphrase", async () => {
    await backend.startLocked("7 7 apple");
    await gate(backend);
    expect(view.host.querySelector("h1")?.textContent).toBe("Trellis");
    expect(text()).not.toContain(MARKER);
    expect(backend.openCount).toBe(0);
    await tryPassphrase("7 7 pear");
    expect(text()).toContain("That did not open it. Please try again.");
    expect(text()).not.toContain(MARKER);
    await tryPassphrase("7 7 apple");
    await until(() => text().includes(MARKER));
  });

  it("says the wait after the fifth wrong try and holds the button until it is over", async () => {
    await backend.startLocked("7 7 apple");
    await gate(backend);
    for (let i = 0; i < 4; i++) {
      await tryPassphrase(`wrong ${i}`);
      expect(button("Unlock").disabled).toBe(false);
    }
    await tryPassphrase("wrong 5");
    expect(view.host.querySelector("[role=timer]")?.textContent).toMatch(
      /^You can try again in [12] seconds?\.$/,
    );
    expect(button("Unlock").disabled).toBe(true);
  });

  it("counts the tries left, then says calmly that the device was erased", async () => {
    await backend.startLocked("7 7 apple", { eraseAfterTries: 10 });
    await gate(backend);
    await tryPassphrase("wrong");
    expect(text()).toContain("9 more tries before this device erases what it holds.");
    for (let i = 2; i <= 4; i++) await tryPassphrase(`wrong ${i}`);
    expect(text()).toContain("6 more tries");
    // Tries 5 to 9 each bring a wait; the clock is moved past it and the button comes back.
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let i = 5; i <= 9; i++) {
      await tryPassphrase(`wrong ${i}`);
      expect(button("Unlock").disabled).toBe(true);
      vi.setSystemTime(Date.now() + 2 ** (i - 4) * 1000);
      await until(() => !button("Unlock").disabled);
    }
    expect(text()).toContain("1 more try before this device erases what it holds.");
    await tryPassphrase("wrong 10");
    await until(() => text().includes("This device no longer holds your record"));
    expect(await backend.record.loadEvents()).toEqual([]);
    expect(button("Start again")).toBeDefined();
  });
});

describe("locking again", () => {
  it("Lock now closes the record and shows the lock screen", async () => {
    await backend.startLocked("7 7 apple");
    await gate(backend);
    await tryPassphrase("7 7 apple");
    await until(() => text().includes(MARKER));
    await act(async () => button("Lock now").click());
    await until(() => !text().includes(MARKER));
    expect(view.host.querySelector("h1")?.textContent).toBe("Trellis");
    expect(backend.openCount).toBe(0);
  });

  it("locks as soon as the page is hidden when set to, and veils it", async () => {
    await backend.startLocked("7 7 apple", { lockAfterMinutes: 0 });
    await gate(backend);
    await tryPassphrase("7 7 apple");
    await until(() => text().includes(MARKER));
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    await act(async () => document.dispatchEvent(new Event("visibilitychange")));
    await until(() => !text().includes(MARKER));
    expect(backend.openCount).toBe(0);
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    await act(async () => document.dispatchEvent(new Event("visibilitychange")));
    expect(document.documentElement.classList.contains("lock-veil")).toBe(false);
  });

  it("veils the page while hidden and keeps it open within the time allowed", async () => {
    await backend.startLocked("7 7 apple", { lockAfterMinutes: 5 });
    await gate(backend);
    await tryPassphrase("7 7 apple");
    await until(() => text().includes(MARKER));
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    await act(async () => document.dispatchEvent(new Event("visibilitychange")));
    expect(document.documentElement.classList.contains("lock-veil")).toBe(true);
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    await act(async () => document.dispatchEvent(new Event("visibilitychange")));
    expect(document.documentElement.classList.contains("lock-veil")).toBe(false);
    expect(text()).toContain(MARKER);
  });
});

describe("quick exit", () => {
  it("with the lock off shows a plain page, and a tap brings the record back", async () => {
    await gate(backend);
    await until(() => text().includes(MARKER));
    await act(async () => button("Quick exit").click());
    expect(text()).toBe("Notes");
    expect(document.title).toBe("Notes");
    await act(async () => view.host.querySelector<HTMLButtonElement>(".neutral-sheet")!.click());
    expect(text()).toContain(MARKER);
  });

  it("takes Escape twice in a row, never once, even just after the page opened", async () => {
    await gate(backend);
    await until(() => text().includes(MARKER));
    const pressEscape = (timeStamp: number) => {
      const e = new KeyboardEvent("keydown", { key: "Escape" });
      Object.defineProperty(e, "timeStamp", { value: timeStamp });
      return act(async () => window.dispatchEvent(e));
    };
    await pressEscape(5);
    expect(text()).toContain(MARKER);
    await pressEscape(2_000);
    expect(text()).toContain(MARKER);
    await pressEscape(2_300);
    expect(text()).toBe("Notes");
  });

  it("with the lock on closes the record first, and a tap asks for the passphrase", async () => {
    await backend.startLocked("7 7 apple");
    await gate(backend);
    await tryPassphrase("7 7 apple");
    await until(() => text().includes(MARKER));
    await act(async () => button("Quick exit").click());
    expect(text()).toBe("Notes");
    expect(backend.openCount).toBe(0);
    await act(async () => view.host.querySelector<HTMLButtonElement>(".neutral-sheet")!.click());
    expect(button("Unlock")).toBeDefined();
    expect(text()).not.toContain(MARKER);
  });
});
