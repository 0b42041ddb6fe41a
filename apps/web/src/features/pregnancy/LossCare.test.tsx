// @vitest-environment happy-dom
/**
 * After a loss the care card offers a remembrance page as a plain link (never
 * a button pressing for attention), to the page filled in for this transfer;
 * once a page is kept, the same link opens it instead.
 */
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en.ts";
import { clientEachTest, InApp, mountEachTest } from "../../testing/mount.tsx";
import { LossCare } from "./LossCare.tsx";
import { alexAfterALoss, importInto } from "./loss-fixture.ts";

const view = mountEachTest();
const device = clientEachTest();

const link = (name: string) =>
  [...view.host.querySelectorAll("a")].find((a) => a.textContent === name);

describe("the remembrance offer after a loss", () => {
  it("is a link to the page filled in for this transfer, then opens the page once kept", async () => {
    const { events, transferId } = alexAfterALoss();
    expect(await importInto(device.client, events)).toBe(true);
    const draw = () =>
      view.render(
        <InApp client={device.client}>
          <LossCare kind="miscarriage" transferId={transferId} open={true} />
        </InApp>,
      );
    await draw();
    const offer = link(en["loss.remember.link"]);
    expect(offer?.getAttribute("href")).toBe(`/remembrance?transfer=${transferId}`);
    expect(offer?.className).not.toMatch(/button/);

    const kept = await device.client.record("RemembranceAdded", {
      remembranceId: device.client.newId(),
      transferId,
      date: "2026-02-20",
      private: true,
    });
    expect(kept.ok).toBe(true);
    await draw();
    expect(link(en["loss.remember.link"])).toBeUndefined();
    expect(link(en["loss.remember.open"])?.getAttribute("href")).toBe(
      `/remembrance?transfer=${transferId}`,
    );
  });
});
