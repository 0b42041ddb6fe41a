import { expect, type Request, test } from "@playwright/test";
import { Recorder, Temporal } from "@trellis/domain";
import { antagonistCycle, eveningInjection, exportFile, recordAt } from "./fixtures.ts";
import { maya, openFromMore, restore, waitForServiceWorker } from "./helpers.ts";
import { dumpStorage, expectLockScreen, turnOnLockHere, unlock } from "./lock-helpers.ts";
import {
  type MockPushService,
  serviceWorkerSession,
  shownNotifications,
  startMockPushService,
  useMockSubscription,
} from "./push-helpers.ts";

// The service worker is on here (pushed reminders are shown by the service worker); the config keeps it off elsewhere.
test.use({ serviceWorkers: "allow" });

/**
 * Reminders when Trellis is closed: the app subscribes, encrypts the next 14
 * days on the device and uploads them to the real relay; the relay sends the
 * first at its instant to a mock push service on loopback; the service worker
 * shows what that message says, in neutral words, with Taken and In 10 minutes.
 */

const zone = maya.homeZone;
test.use({ timezoneId: zone });

/**
 * The time of the two daily injections: a whole hour three to four hours from
 * now, so that neither an injection nor its snooze copy falls due while a test
 * runs, and the pill is never taken for one, whatever the time of day.
 */
function injectionHour(): Temporal.PlainTime {
  return Temporal.Now.zonedDateTimeISO(zone)
    .add({ hours: 4 })
    .round({ smallestUnit: "hour", roundingMode: "floor" })
    .toPlainTime();
}

/** Two daily injections at one time (one reminder), and a pill at `pillAt` (no lead time). */
function stimulation(pillAt: Temporal.ZonedDateTime, injectAt: Temporal.PlainTime) {
  const now = Temporal.Now.zonedDateTimeISO(zone);
  const r = new Recorder("fixture14", 14);
  const at = (days: number, time: string) =>
    now.toPlainDate().add({ days }).toZonedDateTime({ timeZone: zone, plainTime: time });
  const created = at(-20, "20:00");
  r.record("JourneyCreated", { ...maya, createdAt: created.toString() }, created.epochMilliseconds);
  r.record("PreferencesUpdated", { reminderLeadMinutes: 0 }, created.epochMilliseconds + 1000);
  const started = at(-5, "19:00");
  const cycleId = r.newId(started.epochMilliseconds);
  r.record(
    "CycleStarted",
    antagonistCycle(cycleId, at(-4, "00:00").toPlainDate().toString(), zone),
    started.epochMilliseconds,
  );
  const from = at(-4, "00:00").toPlainDate().toString();
  for (const name of ["Follitropin alfa", "Menotropin"])
    recordAt(r, at(-4, "19:00"), "MedicationPlanned", (planItemId) =>
      eveningInjection({ cycleId, planItemId }, from, name, {
        times: [injectAt.toString({ smallestUnit: "minute" })],
      }),
    );
  recordAt(r, at(-1, "12:00"), "MedicationPlanned", (planItemId) =>
    eveningInjection({ cycleId, planItemId }, pillAt.toPlainDate().toString(), "Estradiol", {
      times: [pillAt.toPlainTime().toString({ smallestUnit: "minute" })],
      dose: { value: 2, unit: "mg" },
      medication: { name: "Estradiol", route: "oral", purpose: "estrogen" },
    }),
  );
  return exportFile(r, at(-1, "12:00").toString());
}

const forbidden = /follitropin|menotropin|estradiol|\bIU\b|\bmg\b|medicine|injection|trigger/i;

let mock: MockPushService;
test.beforeEach(async () => {
  mock = await startMockPushService();
});
test.afterEach(async () => {
  await mock.close();
});

test("reminders when closed: subscribes, uploads an encrypted neutral queue, the relay delivers it, the service worker shows it with Taken and In 10 minutes", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const pillAt = Temporal.Now.zonedDateTimeISO(zone)
    .add({ minutes: 2 })
    .round({ smallestUnit: "minute", roundingMode: "floor" });
  await page.context().grantPermissions(["notifications"]);
  await useMockSubscription(page, mock);
  const injectAt = injectionHour();
  await restore(page, stimulation(pillAt, injectAt));
  await waitForServiceWorker(page);
  await openFromMore(page, "Settings");
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Reminders" }) });
  await expect(card.getByText("Reminders are on for this device.")).toBeVisible();

  const put = page.waitForRequest(
    (r) => r.method() === "PUT" && /\/api\/v1\/push\/devices\/[^/]+\/schedule$/.test(r.url()),
  );
  await card.getByRole("switch", { name: "Turn on reminders when closed" }).click();
  const upload = await put;
  expect((await upload.response())?.status()).toBe(204);
  await expect(card.getByText(/^On for this device/)).toBeVisible();

  // Subscribed with the relay's VAPID key; the queue went to the mock's endpoint, every item sealed for it.
  const { publicKey } = (await (await request.get("/api/v1/push/key")).json()) as {
    publicKey: string;
  };
  expect(await page.evaluate(() => (window as { subscribedWith?: string }).subscribedWith)).toBe(
    publicKey,
  );
  const body = upload.postDataJSON() as {
    endpoint: string;
    items: { id: string; at: string; payload: string; ttlSeconds: number }[];
  };
  expect(body.endpoint).toBe(mock.endpoint);
  const opened = body.items.map((i) => ({
    ...i,
    json: JSON.parse(mock.decrypt(Buffer.from(i.payload, "base64url"))) as Record<string, unknown>,
  }));
  expect(new Set(body.items.map((i) => i.payload.length)).size).toBe(1);
  // The two injections at one time are one reminder each day (with its snooze copy), not two.
  const reminders = opened.filter((i) => i.json.snoozeOf === undefined);
  expect(new Set(reminders.map((i) => i.at)).size).toBe(reminders.length);
  const injections = reminders.filter((i) =>
    Temporal.Instant.from(i.at).toZonedDateTimeISO(zone).toPlainTime().equals(injectAt),
  );
  expect(injections.length).toBeGreaterThanOrEqual(13);
  for (const e of injections)
    expect(
      new URL(String(e.json.url), "http://x").searchParams.get("dose")!.split(","),
    ).toHaveLength(2);
  for (const i of opened) {
    expect(i.json).toMatchObject({ v: 1, kind: "reminder", title: "Trellis: a reminder" });
    // Everything but the opaque ids (random base64url could spell anything).
    const { tag: _t, snoozeId: _s, snoozeOf: _o, ...words } = i.json;
    expect(JSON.stringify(words)).not.toMatch(forbidden);
    expect(Date.parse(i.at)).toBeLessThan(Date.now() + 15 * 86_400_000);
  }
  const first = opened[0]!;
  expect(Date.parse(first.at)).toBe(pillAt.epochMilliseconds);
  expect(first.json).toMatchObject({
    body: "Open Trellis to see it.",
    actions: { taken: "Taken", snooze: "In 10 minutes" },
  });
  // Nothing of it in localStorage: the device's id and secret are in the record's own storage.
  const deviceId = /devices\/([^/]+)\/schedule/.exec(upload.url())![1]!;
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(deviceId);

  // The relay sends the pill's reminder at its instant: exactly the device's bytes, with VAPID.
  await expect.poll(() => mock.deliveries.length, { timeout: 180_000 }).toBeGreaterThan(0);
  const delivery = mock.deliveries[0]!;
  expect(delivery.headers["content-encoding"]).toBe("aes128gcm");
  expect(delivery.headers.authorization).toMatch(/^vapid t=[\w.-]+, k=[\w-]+$/);
  expect(delivery.body.toString("base64url")).toBe(first.payload.replace(/=+$/, ""));
  const message = mock.decrypt(delivery.body);

  // The browser hands the decrypted message to the service worker: a decoy shows nothing, the reminder shows.
  const sw = await serviceWorkerSession(page);
  await sw.deliver(JSON.stringify({ v: 1, kind: "decoy" }));
  await sw.deliver(message);
  await expect
    .poll(() => shownNotifications(page))
    .toEqual([
      {
        title: "Trellis: a reminder",
        body: "Open Trellis to see it.",
        tag: first.json.tag,
        actions: ["taken:Taken", "snooze:In 10 minutes"],
      },
    ]);

  // "Taken" opens the app at the URL it carries: the dose is logged, and the next upload leaves it out.
  const next = page.waitForRequest(
    (r) => r.method() === "PUT" && r.url().endsWith(`/devices/${deviceId}/schedule`),
  );
  await page.goto((first.json.actions as { takenUrl: string }).takenUrl);
  await expect(page.getByText("Logged as taken from your reminder.")).toBeVisible();
  const after = (await next).postDataJSON() as { items: { id: string }[] };
  expect(after.items.map((i) => i.id)).not.toContain(first.id);

  // Turning it off deletes the push device at the relay.
  await openFromMore(page, "Settings");
  const del = page.waitForResponse(
    (r) => r.request().method() === "DELETE" && r.url().endsWith(`/push/devices/${deviceId}`),
  );
  await card.getByRole("switch", { name: "Turn off reminders when closed" }).click();
  expect((await del).status()).toBe(204);
  await expect(card.getByText("Off for this device.")).toBeVisible();
});

test("with the app lock on, pushed reminders say only the neutral words even with names on, nothing of the device is readable at rest, and Taken logs the dose after the lock screen", async ({
  page,
}) => {
  const pillAt = Temporal.Now.zonedDateTimeISO(zone)
    .add({ hours: 2 })
    .round({ smallestUnit: "minute", roundingMode: "floor" });
  await page.context().grantPermissions(["notifications"]);
  await useMockSubscription(page, mock);
  await restore(page, stimulation(pillAt, injectionHour()));
  await waitForServiceWorker(page);
  await openFromMore(page, "Settings");
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Reminders" }) });
  await card.getByRole("checkbox", { name: "Show medicine names in reminders" }).check();
  await card.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(page.getByText("Reminder settings saved.")).toBeVisible();

  const schedule = (r: Request) =>
    r.method() === "PUT" && /\/api\/v1\/push\/devices\/[^/]+\/schedule$/.test(r.url());
  const titles = (r: Request) =>
    (r.postDataJSON() as { items: { payload: string }[] }).items.map(
      (i) =>
        (JSON.parse(mock.decrypt(Buffer.from(i.payload, "base64url"))) as { title: string }).title,
    );
  const named = page.waitForRequest(schedule);
  await card.getByRole("switch", { name: "Turn on reminders when closed" }).click();
  const upload = await named;
  // Names on, lock off: the reminder names the pill.
  expect(titles(upload)).toContain("Estradiol 2 mg");
  const deviceId = /devices\/([^/]+)\/schedule/.exec(upload.url())![1]!;

  // The lock on (here, with no reload: a fresh page would upload its queue
  // again, names and all, before the lock is on): the next upload says only
  // the neutral words, whatever the names setting.
  const neutral = page.waitForRequest(schedule);
  await turnOnLockHere(page);
  const sealed = await neutral;
  expect(new Set(titles(sealed))).toEqual(new Set(["Trellis: a reminder"]));
  expect(await dumpStorage(page)).not.toContain(deviceId);

  // Taken from a notification: the lock screen first, then the dose is logged.
  const first = JSON.parse(
    mock.decrypt(
      Buffer.from(
        (sealed.postDataJSON() as { items: { payload: string }[] }).items[0]!.payload,
        "base64url",
      ),
    ),
  ) as { actions: { takenUrl: string } };
  await page.goto(first.actions.takenUrl);
  await expectLockScreen(page);
  await unlock(page);
  await expect(page.getByText("Logged as taken from your reminder.")).toBeVisible();
});
