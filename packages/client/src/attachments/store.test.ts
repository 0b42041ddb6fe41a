/**
 * The device's sealed-photo store: the same promises in memory and in
 * IndexedDB (fake-indexeddb here), and what `keepSealedPhoto` puts in it is
 * sealed under the photo's own key, which never enters the store.
 */
import { AttachmentKey, ready } from "@trellis/crypto";
import { IDBFactory } from "fake-indexeddb";
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { DEVICE_DATABASES } from "../device-databases.ts";
import { keepSealedPhoto, openKeptPhoto } from "./kept.ts";
import {
  type AttachmentStore,
  memoryAttachmentStore,
  openIndexedDbAttachmentStore,
} from "./store.ts";
import { phonePhoto } from "./testing.ts";

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const ID = "01934f4c-7a00-7000-8000-000000000001";
const OTHER = "01934f4c-7a00-7000-8000-000000000002";

const stores: [string, () => Promise<AttachmentStore>][] = [
  ["memory", async () => memoryAttachmentStore()],
  ["IndexedDB", () => openIndexedDbAttachmentStore()],
];

describe.each(stores)("the %s attachment store", (_, open) => {
  it("gives back what it kept, null for what it never had, and forgets on delete", async () => {
    const store = await open();
    await store.put(ID, Uint8Array.of(1, 2, 3));
    expect(await store.get(ID)).toEqual(Uint8Array.of(1, 2, 3));
    expect(await store.get(OTHER)).toBeNull();
    await store.put(ID, Uint8Array.of(4));
    expect(await store.get(ID)).toEqual(Uint8Array.of(4));
    await store.delete(ID);
    expect(await store.get(ID)).toBeNull();
    store.close();
  });

  it("keeps a copy: changing the caller's buffer afterwards changes nothing kept", async () => {
    const store = await open();
    const bytes = Uint8Array.of(9, 9, 9);
    await store.put(ID, bytes);
    bytes.fill(0);
    expect(await store.get(ID)).toEqual(Uint8Array.of(9, 9, 9));
    store.close();
  });

  it("a sealed photo opens with its key only, under its own id only", async () => {
    const store = await open();
    const photo = phonePhoto(64, 48);
    const key = await keepSealedPhoto(store, ID, photo);
    const sealed = (await store.get(ID))!;
    expect(Buffer.from(sealed).includes(Buffer.from(photo.subarray(0, 64)))).toBe(false);
    expect(Buffer.from(sealed).includes(Buffer.from(key))).toBe(false);
    expect(await openKeptPhoto(store, ID, key)).toEqual(photo);
    await ready();
    const other = AttachmentKey.fromBytes(new Uint8Array(32).fill(7));
    if (!other.ok) throw new Error("a 32-byte key");
    expect(await openKeptPhoto(store, ID, AttachmentKey.encode(other.value))).toBeNull();
    expect(await openKeptPhoto(store, ID, "not a key")).toBeNull();
    await store.put(OTHER, sealed);
    expect(await openKeptPhoto(store, OTHER, key)).toBeNull();
    expect(await openKeptPhoto(store, "01934f4c-7a00-7000-8000-000000000003", key)).toBeNull();
    store.close();
  });
});

it("the IndexedDB store lives in the device database that forgetting the device erases", async () => {
  const store = await openIndexedDbAttachmentStore();
  await store.put(ID, Uint8Array.of(1));
  store.close();
  const names = (await indexedDB.databases()).map((d) => d.name);
  expect(names).toContain(DEVICE_DATABASES.attachments);
});
