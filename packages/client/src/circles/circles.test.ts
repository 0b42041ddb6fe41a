/**
 * Circles end to end against the fake server: Maya makes "Parents" and
 * "Work", her mother joins Parents by link (a link-only reader), a
 * colleague joins Work with a light reader account; statuses, a photo
 * post to Parents only, replies and reactions where the post allows them,
 * a removal after which nothing new opens for the removed member.
 */
import { openEvent, RootKey, VaultKey } from "@trellis/crypto";
import { circleEntry } from "@trellis/domain";
import { describe, expect, it, vi } from "vitest";
import { preparePhoto } from "../attachments/photo.ts";
import { jpegJsPort, phonePhoto } from "../attachments/testing.ts";
import type { TrellisClient } from "../client.ts";
import { createApi } from "../sync/api.ts";
import { fromBase64 } from "../sync/base64.ts";
import { deviceSigner } from "../sync/device-signer.ts";
import type { StoredAccount } from "../sync/stored.ts";
import { syncDevices, TEST_PASSWORD, TEST_SERVER, type TestDevice } from "../sync/test-devices.ts";
import { createVaultCrypto } from "../sync/vault-crypto.ts";
import type { StoredCircle } from "./store.ts";

const devices = syncDevices();
const ORIGIN = "https://trellis.test";

async function startJourney(client: TrellisClient): Promise<void> {
  const r = await client.record("JourneyCreated", {
    displayName: "Maya",
    dateOfBirth: "1988-03-02",
    homeZone: "Europe/London",
    createdAt: "2025-05-12T21:00:00+01:00[Europe/London]",
  });
  expect(r.ok).toBe(true);
}

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { reason: string } }): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.reason}`);
  return r.value;
}

const fragmentOf = (link: string) => link.slice(link.indexOf("#"));

/** Maya with a record, an account, and the two circles with a status each. */
async function mayaWithCircles() {
  const maya = await devices.device();
  await startJourney(maya.client);
  await devices.account(maya, "maya");
  const c = maya.sync.circles;
  const parents = ok(await c.create("Parents")).circleId;
  const work = ok(await c.create("Work")).circleId;
  ok(
    await c.setStatus(parents, {
      template: "in-treatment",
      text: "In treatment. Please don't ask; we'll share news when we're ready.",
    }),
  );
  ok(await c.setStatus(work, { template: "taking-a-break", text: "We're taking a break." }));
  return { maya, parents, work };
}

async function reader(link: string, credentials?: { username: string; password: string }) {
  const d = await devices.device();
  const joined = await d.sync.circles.join({
    serverUrl: TEST_SERVER,
    fragment: fragmentOf(link),
    deviceName: "Mum's tablet",
    ...credentials,
  });
  return { device: d, circleId: ok(joined).circleId };
}

/** The owner lets the one waiting member of `circleId` in. */
async function letWaitingIn(maya: TestDevice, circleId: string, label: string) {
  const members = ok(await maya.sync.circles.members(circleId));
  const waiting = members.find((m) => m.status === "pending");
  if (!waiting) throw new Error("nobody waiting");
  ok(await maya.sync.circles.letIn(circleId, waiting.accountId, label));
  return waiting.accountId;
}

describe("circles", () => {
  it("each circle is its own vault of kind circle, never the device's record", async () => {
    const { maya, parents, work } = await mayaWithCircles();
    const record = maya.sync.snapshot.vault?.vaultId;
    expect(record).toBeDefined();
    expect([parents, work]).not.toContain(record);
    // Maya's new device follows her record, not a circle.
    const second = await devices.device();
    ok(
      await second.sync.signIn({
        serverUrl: TEST_SERVER,
        username: maya.sync.snapshot.account!.username,
        password: TEST_PASSWORD,
        deviceName: "Maya's laptop",
      }),
    );
    expect(second.sync.snapshot.vault?.vaultId).toBe(record);
    // ...and finds both circles, with their keys, from the server.
    const listed = ok(await second.sync.circles.list());
    expect(listed.map((s) => [s.name, s.role, s.state])).toEqual([
      ["Parents", "owner", "active"],
      ["Work", "owner", "active"],
    ]);
  });

  it("the mother joins by link, waits, is let in, and sees the status and the photo post; the colleague sees only Work", async () => {
    const { maya, parents, work } = await mayaWithCircles();
    const c = maya.sync.circles;
    const mother = await reader(ok(await c.invite(parents, ORIGIN)).link);
    expect(ok(await c.invite(parents, ORIGIN)).link).toMatch(/^https:\/\/trellis\.test\/circle#v=/);
    const colleague = await reader(ok(await c.invite(work, ORIGIN)).link, {
      username: "colleague-sam",
      password: "a long enough password",
    });

    // A link-only reader: an account made on the device, no record, no vault followed.
    expect(mother.device.sync.snapshot.account?.username).toMatch(/^reader-[0-9a-f]{20}$/);
    expect(mother.device.sync.snapshot.vault).toBeNull();
    expect(ok(await mother.device.sync.circles.list())).toEqual([
      { circleId: parents, name: "", role: "viewer", state: "waiting", waiting: 0, unseen: 0 },
    ]);
    expect(ok(await c.list()).find((s) => s.circleId === parents)?.waiting).toBe(1);

    const motherId = await letWaitingIn(maya, parents, "Mum");
    await letWaitingIn(maya, work, "Sam from work");

    const prepared = await preparePhoto(
      { bytes: phonePhoto(64, 48), type: "image/jpeg" },
      jpegJsPort,
    );
    if (!prepared.ok) throw new Error(prepared.reason);
    const photo = prepared.value;
    const sent = ok(
      await c.post({
        circleIds: [parents],
        text: "A quiet day at the seaside.",
        photo,
        alt: "The beach at low tide",
        replies: true,
        reactions: true,
      }),
    );
    const postId = sent.postIds[parents]!;

    const seen = ok(await mother.device.sync.circles.list());
    expect(seen).toMatchObject([{ name: "Parents", state: "active", unseen: 1 }]);
    const view = ok(await mother.device.sync.circles.open(parents));
    expect(view.status?.text).toMatch(/^In treatment/);
    expect(view.posts).toHaveLength(1);
    expect(view.posts[0]).toMatchObject({ text: "A quiet day at the seaside.", mine: false });
    const bytes = ok(await mother.device.sync.circles.photo(parents, view.posts[0]!.photo!));
    expect(bytes).toEqual(photo.bytes);
    expect(ok(await mother.device.sync.circles.list())[0]?.unseen).toBe(0);

    // The colleague: Work and its status only; Parents is out of reach.
    const colleagueList = ok(await colleague.device.sync.circles.list());
    expect(colleagueList.map((s) => [s.name, s.status?.text])).toEqual([
      ["Work", "We're taking a break."],
    ]);
    const api = createApi(devices.server.transport);
    const token = (d: TestDevice) =>
      (d.client.sync as unknown as { getMeta: (k: string) => Promise<{ token: string }> }).getMeta(
        "sync-account",
      );
    const colleagueToken = (await token(colleague.device)).token;
    expect((await api.pull(colleagueToken, parents, 0, 10)).ok).toBe(false);
    expect(
      (await api.getAttachment(colleagueToken, parents, view.posts[0]!.photo!.attachmentId)).ok,
    ).toBe(false);
    expect((await api.pull(colleagueToken, maya.sync.snapshot.vault!.vaultId, 0, 10)).ok).toBe(
      false,
    );

    // Replies and reactions where the post allows them; Maya sees her label for her mother.
    ok(
      await mother.device.sync.circles.reply(parents, postId, "It looks lovely. Thinking of you."),
    );
    ok(await mother.device.sync.circles.react(parents, postId, "heart"));
    ok(await mother.device.sync.circles.react(parents, postId, "hug"));
    expect(ok(await c.list()).find((s) => s.circleId === parents)?.unseen).toBe(2);
    const mayaView = ok(await c.open(parents));
    expect(mayaView.posts[0]?.replyList).toMatchObject([
      { text: "It looks lovely. Thinking of you.", fromAccountId: motherId, fromLabel: "Mum" },
    ]);
    expect(mayaView.posts[0]?.reactionCounts).toEqual({ hug: 1 });
    // The mother never sees Maya's names for people.
    const motherView = ok(await mother.device.sync.circles.open(parents));
    expect(motherView.posts[0]?.replyList[0]?.fromLabel).toBeUndefined();
    expect(motherView.posts[0]?.myReaction).toBe("hug");

    // Replies off: the mother's client refuses, and Maya's fold would leave it out anyway.
    ok(await c.editPost(parents, postId, { replies: false }));
    expect(await mother.device.sync.circles.reply(parents, postId, "One more")).toMatchObject({
      ok: false,
      error: { reason: "replies-off" },
    });

    // Taking it back: gone for everyone, and its photo gone from the server.
    ok(await c.takeBack(parents, postId));
    expect(ok(await mother.device.sync.circles.open(parents)).posts).toEqual([]);
    expect(await mother.device.sync.circles.photo(parents, view.posts[0]!.photo!)).toMatchObject({
      ok: false,
      error: { reason: "not-found" },
    });
  });

  it("after the mother is removed, new posts are sealed under a key she never gets", async () => {
    const { maya, parents } = await mayaWithCircles();
    const c = maya.sync.circles;
    const mother = await reader(ok(await c.invite(parents, ORIGIN)).link);
    const motherId = await letWaitingIn(maya, parents, "Mum");
    ok(await c.post({ circleIds: [parents], text: "Before.", replies: false, reactions: false }));
    expect(ok(await mother.device.sync.circles.open(parents)).posts).toHaveLength(1);
    const motherCircle = (
      await mother.device.client.sync.getMeta<StoredCircle[]>("circles")
    )?.[0] as StoredCircle;
    expect(motherCircle.keys).toHaveLength(1);

    ok(await c.removeMember(parents, motherId));
    ok(
      await c.post({
        circleIds: [parents],
        text: "After the removal.",
        replies: false,
        reactions: false,
      }),
    );
    expect(ok(await c.open(parents)).posts.map((p) => p.text)).toEqual([
      "After the removal.",
      "Before.",
    ]);

    // The server no longer lets her in, and her device forgets the circle.
    expect(ok(await mother.device.sync.circles.list())).toEqual([]);
    expect(await mother.device.sync.circles.open(parents)).toMatchObject({ ok: false });
    // Even with every key she ever held, the new post does not open.
    const keys = new Map(
      motherCircle.keys.map((k) => {
        const key = VaultKey.decode(k);
        if (!key.ok) throw new Error("bad key");
        return [key.value.epoch, key.value] as const;
      }),
    );
    const stored = devices.server.eventsOf(parents);
    const last = stored.at(-1)!;
    const opened = openEvent({ vaultId: parents, eventId: last.id }, keys, fromBase64(last.body)!);
    expect(opened).toMatchObject({ ok: false, error: { reason: "unknown-epoch" } });
    const first = stored.find(
      (e) => openEvent({ vaultId: parents, eventId: e.id }, keys, fromBase64(e.body)!).ok,
    );
    expect(first).toBeDefined(); // the old key opens what came before: it is the right key
  });

  it("a member who stays gets the new key after another is removed, and can still reply", async () => {
    const { maya, parents } = await mayaWithCircles();
    const c = maya.sync.circles;
    const mother = await reader(ok(await c.invite(parents, ORIGIN)).link);
    await letWaitingIn(maya, parents, "Mum");
    const aunt = await reader(ok(await c.invite(parents, ORIGIN)).link);
    const auntId = await letWaitingIn(maya, parents, "Auntie Jo");
    expect(ok(await aunt.device.sync.circles.open(parents)).name).toBe("Parents");
    ok(await c.removeMember(parents, auntId));
    const postId = ok(
      await c.post({ circleIds: [parents], text: "Just us now.", replies: true, reactions: false }),
    ).postIds[parents]!;
    expect(ok(await mother.device.sync.circles.open(parents)).posts.map((p) => p.text)).toEqual([
      "Just us now.",
    ]);
    ok(await mother.device.sync.circles.reply(parents, postId, "Here for you."));
    expect(ok(await c.open(parents)).posts[0]?.replyList.map((r) => r.text)).toEqual([
      "Here for you.",
    ]);
    expect(ok(await aunt.device.sync.circles.list())).toEqual([]);
  });

  it("relabels, clears a status, lets a reader leave and deletes a circle for everyone", async () => {
    const { maya, parents, work } = await mayaWithCircles();
    const c = maya.sync.circles;
    const mother = await reader(ok(await c.invite(parents, ORIGIN)).link);
    const motherId = await letWaitingIn(maya, parents, "Mum");
    ok(await c.relabel(parents, motherId, "Mother"));
    expect(ok(await c.members(parents)).find((m) => m.accountId === motherId)?.label).toBe(
      "Mother",
    );
    expect(
      ok(await mother.device.sync.circles.members(parents)).every((m) => m.label === undefined),
    ).toBe(true);
    ok(await c.clearStatus(parents));
    expect(ok(await mother.device.sync.circles.open(parents)).status).toBeUndefined();

    const colleague = await reader(ok(await c.invite(work, ORIGIN)).link);
    await letWaitingIn(maya, work, "Sam");
    ok(await colleague.device.sync.circles.leave(work));
    expect(ok(await colleague.device.sync.circles.list())).toEqual([]);
    expect(ok(await c.members(work)).map((m) => m.role)).toEqual(["owner"]);

    ok(await c.deleteCircle(parents));
    expect(ok(await c.list()).map((s) => s.name)).toEqual(["Work"]);
    expect(ok(await mother.device.sync.circles.list())).toEqual([]);
    expect(devices.server.eventsOf(parents)).toEqual([]);
    expect(await mother.device.sync.circles.deleteCircle(work)).toMatchObject({
      ok: false,
      error: { reason: "not-found" },
    });
  });

  it("a light reader finds the circle on another device of theirs", async () => {
    const { maya, work } = await mayaWithCircles();
    const c = maya.sync.circles;
    await reader(ok(await c.invite(work, ORIGIN)).link, {
      username: "sam-from-work",
      password: "a long enough password",
    });
    await letWaitingIn(maya, work, "Sam");
    const laptop = await devices.device();
    ok(
      await laptop.sync.signIn({
        serverUrl: TEST_SERVER,
        username: "sam-from-work",
        password: "a long enough password",
        deviceName: "Sam's laptop",
      }),
    );
    expect(laptop.sync.snapshot.vault).toBeNull();
    expect(ok(await laptop.sync.circles.list()).map((s) => [s.name, s.role, s.state])).toEqual([
      ["Work", "viewer", "active"],
    ]);
  });

  it("a member's entries other than replies and reactions change nothing, even when the server takes them", async () => {
    const { maya, parents } = await mayaWithCircles();
    const c = maya.sync.circles;
    const mother = await reader(ok(await c.invite(parents, ORIGIN)).link);
    await letWaitingIn(maya, parents, "Mum");
    ok(await mother.device.sync.circles.list());
    expect(
      await mother.device.sync.circles.setStatus(parents, { template: "own", text: "Any news?" }),
    ).toMatchObject({ ok: false, error: { reason: "forbidden" } });
    // Her device, changed to write anyway: sealed and signed with her own keys.
    const account = (await mother.device.client.sync.getMeta<StoredAccount>("sync-account"))!;
    const circle = (await mother.device.client.sync.getMeta<StoredCircle[]>("circles"))![0]!;
    const root = RootKey.decode(account.rootKey);
    if (!root.ok) throw new Error("bad root key");
    const crypto = createVaultCrypto({
      vaultId: parents,
      keys: circle.keys.map((k) => ok(VaultKey.decode(k))),
      signer: deviceSigner(root.value, mother.device.client.device),
    });
    const forged = circleEntry({ kind: "name", name: "Mum's circle", at: "2025-05-13T08:00:00Z" });
    const api = createApi(devices.server.transport);
    ok(
      await api.append(account.token, parents, {
        events: [crypto.sealEntry(globalThis.crypto.randomUUID(), forged)],
      }),
    );
    expect(ok(await c.open(parents)).name).toBe("Parents");
    expect(ok(await mother.device.sync.circles.open(parents)).name).toBe("Parents");
  });

  it("refuses what a circle does not take before anything is sent, naming the field", async () => {
    const { maya, parents } = await mayaWithCircles();
    const c = maya.sync.circles;
    const count = devices.server.eventsOf(parents).length;
    expect(await c.setStatus(parents, { template: "own", text: "x".repeat(281) })).toMatchObject({
      ok: false,
      error: { reason: "invalid-input", field: "text" },
    });
    expect(await c.create("")).toMatchObject({
      ok: false,
      error: { reason: "invalid-input", field: "name" },
    });
    expect(
      await c.post({ circleIds: [parents], text: "  ", replies: false, reactions: false }),
    ).toMatchObject({
      ok: false,
      error: { reason: "invalid-input", field: "text" },
    });
    expect(devices.server.eventsOf(parents)).toHaveLength(count);
  });

  it("keeps drafts on the device only, and tells listeners of changes", async () => {
    const { maya, parents } = await mayaWithCircles();
    const c = maya.sync.circles;
    const told = vi.fn();
    const stop = c.subscribe(told);
    const draft = await c.drafts.save({
      circleIds: [parents],
      text: "Draft: DRAFT-MARKER-5b1 we have news",
      replies: false,
      reactions: false,
    });
    expect(await c.drafts.list()).toEqual([draft]);
    expect(devices.server.dump()).not.toContain("DRAFT-MARKER-5b1");
    await c.drafts.discard(draft.draftId);
    expect(await c.drafts.list()).toEqual([]);
    ok(await c.setHelpNote(parents, "Ask us about anything else."));
    expect(told.mock.calls.length).toBeGreaterThanOrEqual(3);
    stop();
  });

  it("a reader looking at the circle is told when a new post arrives", async () => {
    const { maya, parents } = await mayaWithCircles();
    const mother = await reader(ok(await maya.sync.circles.invite(parents, ORIGIN)).link);
    await letWaitingIn(maya, parents, "Mum");
    ok(await mother.device.sync.circles.open(parents));
    const told = vi.fn();
    const stop = mother.device.sync.circles.subscribe(told);
    ok(
      await maya.sync.circles.post({
        circleIds: [parents],
        text: "Home again.",
        replies: false,
        reactions: false,
      }),
    );
    await vi.waitFor(() => expect(told).toHaveBeenCalled(), { timeout: 10_000 });
    expect(ok(await mother.device.sync.circles.list())[0]?.unseen).toBe(1);
    stop();
  });

  it("signing out leaves no circle key on the device; drafts stay", async () => {
    const { maya, parents } = await mayaWithCircles();
    await maya.sync.circles.drafts.save({
      circleIds: [parents],
      text: "Not yet.",
      replies: false,
      reactions: false,
    });
    expect(await maya.client.sync.getMeta<StoredCircle[]>("circles")).toHaveLength(2);
    ok(await maya.sync.signOut());
    await vi.waitFor(async () =>
      expect(await maya.client.sync.getMeta<StoredCircle[]>("circles")).toEqual([]),
    );
    expect(ok(await maya.sync.circles.list())).toEqual([]);
    expect((await maya.sync.circles.drafts.list()).map((d) => d.text)).toEqual(["Not yet."]);
  });

  it("a link-only reader signs in again on its own when the session has ended", async () => {
    const { maya, parents } = await mayaWithCircles();
    const mother = await reader(ok(await maya.sync.circles.invite(parents, ORIGIN)).link);
    await letWaitingIn(maya, parents, "Mum");
    const before = mother.device.sync.snapshot.account?.username;
    ok(await mother.device.sync.circles.open(parents));
    devices.clock.ms += 31 * 86_400_000; // unused past the server's idle limit
    ok(
      await maya.sync.signIn({
        serverUrl: TEST_SERVER,
        username: maya.sync.snapshot.account!.username,
        password: TEST_PASSWORD,
        deviceName: "Maya's phone",
      }),
    );
    ok(
      await maya.sync.circles.post({
        circleIds: [parents],
        text: "A month on.",
        replies: false,
        reactions: false,
      }),
    );
    const view = ok(await mother.device.sync.circles.open(parents));
    expect(view.posts.map((p) => p.text)).toEqual(["A month on."]);
    expect(mother.device.sync.snapshot.account?.username).toBe(before);
    expect(mother.device.sync.snapshot.signInNeeded).toBeUndefined();
  });

  it("keeps every circle text off the server: only sealed bytes are stored", async () => {
    const { maya, parents } = await mayaWithCircles();
    const c = maya.sync.circles;
    const marker = "MARKER-c1rcle-7f3";
    ok(await c.rename(parents, `Parents ${marker}`));
    ok(await c.setHelpNote(parents, `Help ${marker}`));
    ok(
      await c.post({
        circleIds: [parents],
        text: `Post ${marker}`,
        remembrance: { name: `Name ${marker}`, words: `Words ${marker}` },
        photo: {
          bytes: new TextEncoder().encode(`JPEG ${marker}`),
          type: "image/jpeg",
          width: 1,
          height: 1,
        },
        alt: `Alt ${marker}`,
        replies: true,
        reactions: false,
      }),
    );
    expect(devices.server.dump()).not.toContain(marker);
    expect(ok(await c.open(parents)).name).toBe(`Parents ${marker}`);
  });
});
