/*
 * Trellis reminders through Web Push, imported by the generated service
 * worker (vite.config.ts, workbox.importScripts). The browser has already
 * decrypted each message (RFC 8291); the JSON holds the notification's own
 * words, made by the page from its catalogue. This file keeps nothing of the
 * record: only the opaque ids of reminders the person snoozed.
 * See docs/push.md, "On the device".
 */
const SNOOZED_DB = "trellis-push";
const REFRESH_TAG = "trellis-push-queue";

function snoozedStore(mode) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(SNOOZED_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore("snoozed");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction("snoozed", mode);
      tx.oncomplete = () => open.result.close();
      resolve(tx.objectStore("snoozed"));
    };
  });
}

const request = (r) =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** Marks a snooze copy as wanted, for a day at most (past that, the copy is long gone). */
async function rememberSnooze(id) {
  const store = await snoozedStore("readwrite");
  await request(store.put(Date.now() + 86_400_000, id));
}

/** True once if the person chose "In 10 minutes" for this copy's reminder. */
async function takeSnooze(id) {
  const store = await snoozedStore("readwrite");
  const until = await request(store.get(id));
  await request(store.delete(id));
  return typeof until === "number" && until > Date.now();
}

function readPayload(data) {
  try {
    const p = data ? data.json() : null;
    return p && p.v === 1 ? p : null;
  } catch {
    return null;
  }
}

function show(p, again) {
  const actions = [];
  if (p.actions) {
    actions.push({ action: "taken", title: p.actions.taken });
    if (p.snoozeId) actions.push({ action: "snooze", title: p.actions.snooze });
  }
  return self.registration.showNotification(p.title, {
    body: p.body,
    tag: p.tag,
    renotify: again,
    silent: false,
    icon: "/icons/icon-192.png",
    badge: "/icons/icon-192.png",
    actions,
    data: p,
  });
}

async function onPush(p) {
  // A decoy, or a payload from another version: nothing to show, nothing kept.
  if (p?.kind !== "reminder" || typeof p.title !== "string") return;
  if (!p.snoozeOf) return show(p, false);
  if (await takeSnooze(p.snoozeOf)) return show(p, true);
  // Not snoozed: if the first one is still showing (not acted on), show it again quietly in its place.
  const still = await self.registration.getNotifications({ tag: p.tag });
  if (still.length > 0) {
    const first = still[0];
    return self.registration.showNotification(first.title, {
      body: first.body,
      tag: first.tag,
      silent: true,
      renotify: false,
      data: first.data,
      actions: first.actions,
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
    });
  }
}

self.addEventListener("push", (event) => {
  event.waitUntil(onPush(readPayload(event.data)));
});

async function openApp(url) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const w of windows) {
    if (new URL(w.url).origin !== self.location.origin) continue;
    const there = await w.navigate(url).catch(() => null);
    return (there ?? w).focus();
  }
  return self.clients.openWindow(url);
}

self.addEventListener("notificationclick", (event) => {
  const p = event.notification.data;
  event.notification.close();
  if (p?.v !== 1) return;
  if (event.action === "snooze" && p.snoozeId) {
    event.waitUntil(rememberSnooze(p.snoozeId));
    return;
  }
  const url = event.action === "taken" && p.actions ? p.actions.takenUrl : p.url;
  event.waitUntil(openApp(url));
});

/* Periodic background sync: the worker cannot open the (maybe sealed) record, so it asks an open page to upload again. */
self.addEventListener("periodicsync", (event) => {
  if (event.tag !== REFRESH_TAG) return;
  event.waitUntil(
    self.clients.matchAll({ type: "window" }).then((ws) => {
      for (const w of ws) w.postMessage({ type: REFRESH_TAG });
    }),
  );
});
