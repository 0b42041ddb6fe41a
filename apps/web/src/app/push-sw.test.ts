/**
 * The service worker's push half (public/push-sw.js), run as the browser
 * runs it: the file evaluated with a `self` that records notifications and
 * windows, and IndexedDB (fake-indexeddb). The browser test shows the same
 * file in real Chromium; this one reaches the buttons, which CDP cannot press.
 */
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { IDBFactory } from "fake-indexeddb";
import { beforeEach, describe, expect, it } from "vitest";

const source = readFileSync(new URL("../../public/push-sw.js", import.meta.url), "utf8");

interface Shown {
  title: string;
  body: string;
  tag: string;
  renotify: boolean;
  silent: boolean;
  actions: { action: string; title: string }[];
  data: unknown;
}

function worker() {
  const handlers: Record<string, (event: unknown) => void> = {};
  const shown: Shown[] = [];
  const opened: string[] = [];
  const self = {
    location: { origin: "https://trellis.example" },
    addEventListener: (type: string, fn: (event: unknown) => void) => {
      handlers[type] = fn;
    },
    registration: {
      showNotification: async (title: string, options: Omit<Shown, "title">) => {
        const same = shown.findIndex((n) => n.tag === options.tag);
        if (same >= 0) shown.splice(same, 1);
        shown.push({ title, ...options });
      },
      getNotifications: async ({ tag }: { tag: string }) => shown.filter((n) => n.tag === tag),
    },
    clients: {
      matchAll: async () => [],
      openWindow: async (url: string) => {
        opened.push(url);
      },
    },
  };
  runInNewContext(source, { self, indexedDB: new IDBFactory(), URL, Date, console });
  const dispatch = async (type: string, event: object) => {
    const waits: Promise<unknown>[] = [];
    handlers[type]!({ ...event, waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
  };
  return {
    shown,
    opened,
    push: (payload: unknown) =>
      dispatch("push", { data: { json: () => JSON.parse(JSON.stringify(payload)) } }),
    click: (n: Shown, action = "") =>
      dispatch("notificationclick", {
        action,
        notification: {
          data: n.data,
          close: () => shown.splice(shown.indexOf(n), 1),
        },
      }),
  };
}

const reminder = {
  v: 1,
  kind: "reminder",
  title: "Trellis: a reminder",
  body: "Open Trellis to see it.",
  tag: "t1",
  url: "/?dose=a%2F2026-12-07%2F20%3A00",
  actions: {
    taken: "Taken",
    snooze: "In 10 minutes",
    takenUrl: "/?dose=a%2F2026-12-07%2F20%3A00&taken=1",
  },
  snoozeId: "s1",
};
const { snoozeId: _, ...copyBase } = reminder;
const copy = { ...copyBase, snoozeOf: "s1" };

let sw: ReturnType<typeof worker>;
beforeEach(() => {
  sw = worker();
});

describe("the service worker's reminders", () => {
  it("shows a reminder in its own words, with Taken and In 10 minutes", async () => {
    await sw.push(reminder);
    expect(sw.shown).toHaveLength(1);
    expect(sw.shown[0]).toMatchObject({
      title: "Trellis: a reminder",
      body: "Open Trellis to see it.",
      tag: "t1",
      actions: [
        { action: "taken", title: "Taken" },
        { action: "snooze", title: "In 10 minutes" },
      ],
    });
  });

  it("drops a decoy and a payload of another version silently", async () => {
    await sw.push({ v: 1, kind: "decoy" });
    await sw.push({ ...reminder, v: 2 });
    expect(sw.shown).toEqual([]);
  });

  it("Taken opens the app at the URL that logs the dose; a tap opens Today at it", async () => {
    await sw.push(reminder);
    await sw.click(sw.shown[0]!, "taken");
    await sw.push(reminder);
    await sw.click(sw.shown[0]!);
    expect(sw.opened).toEqual([reminder.actions.takenUrl, reminder.url]);
  });

  it("In 10 minutes: the snooze copy then shows again, once, without another snooze", async () => {
    await sw.push(reminder);
    await sw.click(sw.shown[0]!, "snooze");
    expect(sw.shown).toEqual([]);
    await sw.push(copy);
    expect(sw.shown).toHaveLength(1);
    expect(sw.shown[0]).toMatchObject({ renotify: true, actions: [{ action: "taken" }] });
    sw.shown.length = 0;
    await sw.push(copy);
    expect(sw.shown).toEqual([]);
  });

  it("not snoozed: the copy quietly refreshes a reminder still showing, and shows nothing once it was acted on", async () => {
    await sw.push(reminder);
    await sw.push(copy);
    expect(sw.shown).toHaveLength(1);
    expect(sw.shown[0]).toMatchObject({ silent: true, renotify: false, tag: "t1" });
    await sw.click(sw.shown[0]!, "taken");
    await sw.push(copy);
    expect(sw.shown).toEqual([]);
  });
});
