// @vitest-environment happy-dom
import { openClient, type TrellisClient } from "@trellis/client";
import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { useJourneyState } from "../../app/client-context.tsx";
import { type MemoryLock, memoryLock } from "../../testing/memory-lock.ts";
import { enter, InApp, mountEachTest } from "../../testing/mount.tsx";
import { AppLockCard } from "./AppLockCard.tsx";
import { LockGate } from "./LockGate.tsx";
import { openLockGate } from "./open-gate.ts";

const view = mountEachTest();
const MARKER = "Juniper-7781";

function Name() {
  return <p id="name">{useJourneyState().journey?.displayName}</p>;
}

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++)
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
  expect(done()).toBe(true);
}

const text = () => view.host.textContent ?? "";
const button = (name: string) =>
  [...view.host.querySelectorAll("button")].find((b) => b.textContent === name);
const field = (label: string, nth = 0) =>
  [...view.host.querySelectorAll("label")]
    .filter((l) => l.textContent === label)
    .map((l) => document.getElementById(l.htmlFor) as HTMLInputElement)[nth]!;

let backend: MemoryLock;
beforeEach(async () => {
  backend = memoryLock();
  const client = await openClient({ storage: backend.record });
  await client.record("JourneyCreated", {
    displayName: MARKER,
    dateOfBirth: "1988-06-02",
    homeZone: "Europe/London",
    createdAt: "2026-03-03T09:00:00+00:00[Europe/London]",
  });
  const start = await openLockGate(backend);
  await view.render(
    <LockGate
      start={start}
      app={(c: TrellisClient) => (
        <InApp client={c}>
          <Name />
          <AppLockCard />
        </InApp>
      )}
      onFailure={(cause) => {
        throw cause;
      }}
    />,
  );
  await until(() => text().includes(MARKER));
});

async function turnOn(passphrase: string, again = passphrase) {
  await enter(field("Passphrase or PIN"), passphrase);
  await enter(field("The same again"), again);
  await act(async () => button("Turn on the lock")!.click());
}

describe("the App lock card", () => {
  it("is off by default and refuses a passphrase typed differently or too short", async () => {
    expect(text()).toContain("Off. With the lock on");
    await turnOn("pear", "peach");
    expect(text()).toContain("The two are not the same.");
    await turnOn("abc");
    expect(text()).toContain("Please use at least 4 characters.");
    expect((await backend.openDeviceLock().then((l) => l.status())).on).toBe(false);
  });

  it("turns the lock on without losing the record, locks now, and turns off with the passphrase", async () => {
    await turnOn("7 7 apple");
    await until(() => text().includes("On. Trellis asks"));
    expect(text()).toContain(MARKER);
    expect(backend.openCount).toBe(1);

    await act(async () => button("Lock now")!.click());
    await until(() => !text().includes(MARKER));
    await enter(view.host.querySelector<HTMLInputElement>("input[type=password]")!, "7 7 apple");
    await act(async () => button("Unlock")!.click());
    await until(() => text().includes(MARKER));

    await act(async () => view.host.querySelectorAll("summary")[1]!.click());
    const current = view.host.querySelector<HTMLInputElement>(
      "details[open] input[type=password]",
    )!;
    await enter(current, "7 7 pear");
    await act(async () => button("Turn off the lock")!.click());
    await until(() => text().includes("That did not open it."));
    expect(text()).toContain(MARKER);

    await enter(
      view.host.querySelector<HTMLInputElement>("details[open] input[type=password]")!,
      "7 7 apple",
    );
    await act(async () => button("Turn off the lock")!.click());
    await until(() => text().includes("Off. With the lock on"));
    expect(text()).toContain(MARKER);
    expect(backend.openCount).toBe(1);
  });
});
