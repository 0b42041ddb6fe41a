// @vitest-environment happy-dom
/**
 * The remembrance page on screen: coming from a recorded loss it opens
 * filled in with what the record knows (the day, the transfer, the weeks)
 * and not the due date unless asked; the yearly reminder is off until the
 * person sets it in their own words, and goes off again in one tap. No
 * "Share with a circle" without an account.
 */
import { memoryAttachmentStore } from "@trellis/client/attachments";
import { act } from "react";
import { describe, expect, it } from "vitest";
import { SyncProvider } from "../../app/sync-context.tsx";
import { en } from "../../i18n/en.ts";
import { clientEachTest, enter, InApp, mountEachTest } from "../../testing/mount.tsx";
import { alexAfterALoss, importInto } from "./loss-fixture.ts";
import { Remembrance } from "./Remembrance.tsx";
import { setPhotoStoreForTests } from "./remembrance-photos.tsx";

const view = mountEachTest();
const device = clientEachTest();
setPhotoStoreForTests(memoryAttachmentStore());

const text = () => view.host.textContent ?? "";
const button = (name: string) =>
  [...view.host.querySelectorAll("button")].find((b) => b.textContent === name);
const field = (label: string) => {
  const l = [...view.host.querySelectorAll("label")].find((x) => x.textContent?.startsWith(label));
  return document.getElementById(l!.htmlFor) as HTMLInputElement;
};
const click = (b: HTMLElement | undefined) =>
  act(async () => {
    b!.click();
  });
const submit = (name: string) => click(button(name));

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++)
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
  expect(done()).toBe(true);
}

async function openFromLoss() {
  const { events, transferId } = alexAfterALoss();
  expect(await importInto(device.client, events)).toBe(true);
  history.replaceState(null, "", `/remembrance?transfer=${transferId}`);
  await view.render(
    <InApp client={device.client}>
      <SyncProvider>
        <Remembrance />
      </SyncProvider>
    </InApp>,
  );
  return transferId;
}

const page = () => [...device.client.state.remembrances.values()][0];

describe("the remembrance page offered from a recorded loss", () => {
  it("opens filled in with the day, the transfer and the weeks; the due date only when asked", async () => {
    await openFromLoss();
    expect(text()).toContain(en["remembrance.offer.title"]);
    expect(field(en["remembrance.form.date"]).value).toBe("2026-02-20");
    expect(field(en["remembrance.form.transferDate"]).value).toBe("2026-01-14");
    expect(field(en["remembrance.form.weeksOnly"]).value).toBe("8");
    expect(field(en["remembrance.form.daysOnly"]).value).toBe("0");
    expect(field(en["remembrance.form.dueDate"]).value).toBe("");
    await click(button(en["remembrance.form.dueDate.fill"]));
    expect(field(en["remembrance.form.dueDate"]).value).toBe("2026-10-02");
    expect(page()).toBeUndefined();
  });

  it("saved, it keeps what the person changed; the yearly reminder is off until they set it", async () => {
    const transferId = await openFromLoss();
    await enter(field(en["remembrance.form.name"]), "Little bean");
    await enter(field(en["remembrance.form.place"]), "The cherry tree");
    await enter(field(en["remembrance.form.weeksOnly"]), "7");
    await submit(en["remembrance.form.save"]);
    await until(() => page() !== undefined);
    expect(page()).toMatchObject({
      name: "Little bean",
      place: "The cherry tree",
      date: "2026-02-20",
      transferDate: "2026-01-14",
      weeks: { weeks: 7, days: 0 },
      dueDate: null,
      transferId,
      private: true,
      anniversary: null,
    });
    await until(() => text().includes(en["remembrance.yearly.off"]));
    expect(text()).toContain("Place: The cherry tree");
    expect(text()).not.toContain(en["remembrance.share"]);
    // The offer does not come back for a page already kept.
    expect(text()).not.toContain(en["remembrance.offer.title"]);

    await submit(en["remembrance.yearly.set"]);
    await submit(en["remembrance.yearly.save"]);
    expect(text()).toContain(en["form.required"]);
    expect(page()!.anniversary).toBeNull();
    await enter(field(en["remembrance.yearly.words"]), "Thinking of Little bean");
    await submit(en["remembrance.yearly.save"]);
    await until(() => page()!.anniversary !== null);
    expect(page()!.anniversary).toEqual({ on: "date", words: "Thinking of Little bean" });
    await until(() => text().includes("Thinking of Little bean"));
    expect(text()).not.toContain(en["remembrance.yearly.quiet"]);
    // Quiet mode pauses it on this device, and the card says so; the choice stays.
    expect((await device.client.changeDeviceSettings({ quietMode: true })).ok).toBe(true);
    await until(() => text().includes(en["remembrance.yearly.quiet"]));
    expect(page()!.anniversary).not.toBeNull();
    expect((await device.client.changeDeviceSettings({ quietMode: false })).ok).toBe(true);
    await until(() => !text().includes(en["remembrance.yearly.quiet"]));

    await submit(en["remembrance.yearly.turnOff"]);
    await until(() => page()!.anniversary === null);
  });
});
