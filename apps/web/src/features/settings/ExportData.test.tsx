// @vitest-environment happy-dom
/**
 * A device that opened from a snapshot holds the newest state but not yet
 * the older entries: "Export everything" says so (the export waits for them)
 * and the words go once the history has arrived.
 */
import type { TrellisClient } from "@trellis/client";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en.ts";
import { clientEachTest, InApp, mountEachTest } from "../../testing/mount.tsx";
import { ExportData } from "./ExportData.tsx";

const view = mountEachTest();
const device = clientEachTest();

/** The test's client, with the history still arriving until `arrived()`. */
function receivingHistory(client: TrellisClient) {
  let whole = false;
  const sync = Object.create(client.sync, { wholeRecord: { get: () => whole } });
  return {
    client: new Proxy(client, { get: (c, key) => (key === "sync" ? sync : Reflect.get(c, key)) }),
    arrived: () => {
      whole = true;
    },
  };
}

describe("Export everything on a device still receiving its history", () => {
  it("says the export waits for the older entries, and stops saying so once they are in", async () => {
    await device.client.record("JourneyCreated", {
      displayName: "Maya",
      dateOfBirth: "1990-04-12",
      homeZone: "America/Toronto",
      createdAt: "2026-03-03T09:00:00-05:00[America/Toronto]",
    });
    const receiving = receivingHistory(device.client);
    await view.render(
      <InApp client={receiving.client}>
        <ExportData />
      </InApp>,
    );
    const waiting = en["settings.export.waiting"];
    expect(view.host.textContent).toContain(waiting);

    receiving.arrived();
    // The history's arrival changes the record, which draws the card again.
    await device.client.record("PreferencesUpdated", { weightUnit: "kg" });
    await view.render(
      <InApp client={receiving.client}>
        <ExportData />
      </InApp>,
    );
    expect(view.host.textContent).not.toContain(waiting);
    expect(view.host.textContent).toContain(en["settings.export.hint"]);
  });
});
