// @vitest-environment happy-dom
/**
 * Writing to circles, against an in-memory `Circles`: nothing ticked or
 * written for the person, replies and reactions off unless switched on, the
 * draft kept on the device, a remembrance's words when the person begins
 * from it; and after a recorded loss, the offer of words to send, once and
 * never in quiet mode.
 */

import type { TrellisClient } from "@trellis/client";
import { lossList } from "@trellis/domain";
import { act } from "react";
import { describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en.ts";
import { clientEachTest, mountEachTest } from "../../testing/mount.tsx";
import { CirclesHome } from "./CirclesHome.tsx";
import { Compose } from "./Compose.tsx";
import { fakeCircles } from "./fake-circles.ts";
import { button, click, InCircles, labelled, settle, typeInto } from "./testing.tsx";

const view = mountEachTest();
const device = clientEachTest();

async function mayaWithALoss(client: TrellisClient): Promise<void> {
  const must = async (r: Promise<{ ok: boolean; error?: unknown }>) => {
    const done = await r;
    if (!done.ok) throw new Error(JSON.stringify(done.error));
  };
  await must(
    client.record("JourneyCreated", {
      displayName: "Maya",
      dateOfBirth: "1985-11-30",
      homeZone: "America/New_York",
      createdAt: "2026-01-05T20:00:00-05:00[America/New_York]",
    }),
  );
  const cohortId = client.newId();
  await must(
    client.record("RetrievalRecorded", {
      retrievalId: cohortId,
      retrievedOn: "2026-03-02",
      eggsRetrieved: 9,
      mature: 7,
    }),
  );
  await must(
    client.record("FertilizationReported", {
      cohortId,
      reportedOn: "2026-03-03",
      method: "icsi",
      fertilized: 5,
    }),
  );
  const embryoId = client.newId();
  await must(
    client.record("BlastocystsReported", {
      cohortId,
      day: 5,
      reportedOn: "2026-03-07",
      blastocysts: [{ embryoId, label: "4AA", grade: "4AA", biopsied: false, fate: "frozen" }],
    }),
  );
  const transferId = client.newId();
  await must(
    client.record("TransferRecorded", {
      transferId,
      transferredOn: "2026-05-12",
      embryoIds: [embryoId],
      recipient: { kind: "self" },
    }),
  );
  await must(
    client.record("OutcomeRecorded", {
      outcomeId: client.newId(),
      transferId,
      outcome: "miscarriage",
      on: "2026-06-20",
    }),
  );
}

function checkbox(host: HTMLElement, name: string): HTMLInputElement {
  const label = [...host.querySelectorAll("label.check-row")].find(
    (l) => l.textContent?.trim() === name,
  );
  const box = label?.querySelector<HTMLInputElement>("input[type=checkbox]");
  if (!box) throw new Error(`No box ${name}`);
  return box;
}

describe("writing a post", () => {
  it("ticks no circle, refuses to send nowhere, and sends with replies and reactions off", async () => {
    history.replaceState(null, "", "/circle/post");
    const circles = fakeCircles();
    const parents = circles.add({ name: "Parents" });
    circles.add({ name: "Work" });
    circles.add({ name: "Sam's family", role: "viewer" });
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <Compose />
      </InCircles>,
    );
    await settle();
    expect(view.host.textContent).toContain(en["compose.drafts"]);
    expect(checkbox(view.host, "Parents").checked).toBe(false);
    expect(checkbox(view.host, "Work").checked).toBe(false);
    // Circles the person only reads are not written to from here.
    expect(() => checkbox(view.host, "Sam's family")).toThrow();
    expect(
      [...view.host.querySelectorAll('[role="switch"]')].map((s) => s.getAttribute("aria-checked")),
    ).toEqual(["false", "false"]);

    await typeInto(labelled(view.host, en["compose.text"]), "The scan went well today.");
    await click(button(view.host, en["compose.send"]));
    expect(view.host.textContent).toContain(en["compose.toNeeded"]);
    expect(circles.sent).toEqual([]);

    await click(checkbox(view.host, "Parents"));
    await click(button(view.host, en["compose.send"]));
    expect(circles.sent).toEqual([
      { circleIds: [parents], text: "The scan went well today.", replies: false, reactions: false },
    ]);
    expect(location.pathname).toBe(`/circle/c/${parents}`);
  });

  it("refuses a file that is not a photo, beside the photo field, and sends nothing", async () => {
    history.replaceState(null, "", "/circle/post");
    const circles = fakeCircles();
    circles.add({ name: "Parents" });
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <Compose />
      </InCircles>,
    );
    await settle();
    const input = labelled(view.host, en["compose.photo"]);
    const file = new File(["a note, not a picture"], "notes.jpg", { type: "image/jpeg" });
    Object.defineProperty(input, "files", { value: [file], configurable: true });
    await act(async () => input.dispatchEvent(new Event("change", { bubbles: true })));
    // The photo code loads on first use: wait for its answer.
    await vi.waitFor(async () => {
      await settle();
      expect(view.host.textContent).toContain(en["compose.photo.not-a-photo"]);
    });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(view.host.querySelector("img")).toBeNull();
    expect(circles.sent).toEqual([]);
  });

  it("keeps the draft on this device until it is sent, and opens it again", async () => {
    history.replaceState(null, "", "/circle/post");
    const circles = fakeCircles();
    circles.add({ name: "Parents" });
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <Compose />
      </InCircles>,
    );
    await settle();
    await typeInto(labelled(view.host, en["compose.text"]), "Not sure how to say this yet.");
    await click(button(view.host, en["compose.keepDraft"]));
    const drafts = await circles.drafts.list();
    expect(drafts).toMatchObject([{ text: "Not sure how to say this yet.", circleIds: [] }]);
    expect(circles.sent).toEqual([]);

    // Another visit: the draft is listed, and opens with its words.
    await view.render(<div />);
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <Compose />
      </InCircles>,
    );
    await settle();
    expect(view.host.textContent).toContain(en["compose.draftList"]);
    await click(button(view.host, /^Open the draft saved /));
    expect(labelled<HTMLTextAreaElement>(view.host, en["compose.text"]).value).toBe(
      "Not sure how to say this yet.",
    );
  });

  it("begins with a remembrance's words when the person shares it from its page", async () => {
    const remembranceId = device.client.newId();
    await device.client.record("RemembranceAdded", {
      remembranceId,
      name: "Little one",
      date: "2026-06-20",
      note: "Always with us.",
    });
    history.replaceState(null, "", `/circle/post?remembrance=${remembranceId}`);
    const circles = fakeCircles();
    circles.add({ name: "Parents" });
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <Compose />
      </InCircles>,
    );
    await settle();
    const text = labelled<HTMLTextAreaElement>(view.host, en["compose.text"]).value;
    expect(text).toContain("In memory of Little one.");
    expect(text).toContain("2026");
    expect(text).toContain("Always with us.");
    expect(circles.sent).toEqual([]);
  });
});

describe("after a recorded loss", () => {
  it("offers words to send once, to no circle chosen, and never again once declined", async () => {
    await mayaWithALoss(device.client);
    const circles = fakeCircles();
    circles.add({ name: "Parents" });
    const draw = () =>
      view.render(
        <InCircles client={device.client} circles={circles}>
          <CirclesHome />
        </InCircles>,
      );
    await draw();
    await settle();
    expect(view.host.textContent).toContain(en["lossOffer.title"]);
    const words = labelled<HTMLTextAreaElement>(view.host, en["lossOffer.text"]);
    expect(words.value).toBe(en["lossOffer.template"]);
    expect(checkbox(view.host, "Parents").checked).toBe(false);
    await click(button(view.host, en["lossOffer.send"]));
    expect(view.host.textContent).toContain(en["compose.toNeeded"]);
    expect(circles.sent).toEqual([]);

    await click(button(view.host, en["lossOffer.dismiss"]));
    expect(view.host.textContent).not.toContain(en["lossOffer.title"]);
    // Kept in this device's own settings (sealed with the record under the app lock), not beside it.
    const [loss] = lossList(device.client.state);
    expect(device.client.deviceSettings.circleOffersAnswered).toEqual([loss?.id]);
    expect(localStorage.length).toBe(0);
    await view.render(<div />);
    await draw();
    await settle();
    expect(view.host.textContent).not.toContain(en["lossOffer.title"]);
    expect(circles.sent).toEqual([]);
  });

  it("sends the words, changed as the person wishes, only to the circles they tick", async () => {
    await mayaWithALoss(device.client);
    const circles = fakeCircles();
    const parents = circles.add({ name: "Parents" });
    circles.add({ name: "Work" });
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <CirclesHome />
      </InCircles>,
    );
    await settle();
    await typeInto(
      labelled(view.host, en["lossOffer.text"]),
      "We lost our baby. Please give us some time.",
    );
    await click(checkbox(view.host, "Parents"));
    await click(button(view.host, en["lossOffer.send"]));
    expect(circles.sent).toEqual([
      {
        circleIds: [parents],
        text: "We lost our baby. Please give us some time.",
        replies: false,
        reactions: false,
      },
    ]);
    expect(view.host.textContent).not.toContain(en["lossOffer.title"]);
  });

  it("offers nothing in quiet mode", async () => {
    await mayaWithALoss(device.client);
    await device.client.changeDeviceSettings({ quietMode: true });
    const circles = fakeCircles();
    circles.add({ name: "Parents" });
    await view.render(
      <InCircles client={device.client} circles={circles}>
        <CirclesHome />
      </InCircles>,
    );
    await settle();
    expect(view.host.textContent).toContain("Parents");
    expect(view.host.textContent).not.toContain(en["lossOffer.title"]);
  });
});
