/**
 * Circles end to end against the fake server: Maya makes "Parents" and
 * "Work", her mother joins Parents by link (a link-only reader), a
 * colleague joins Work with a light reader account; statuses, a photo post
 * to Parents only, replies and reactions where the post allows them,
 * drafts and marks on the device, nothing readable on the server.
 */

import { describe, expect, it, vi } from "vitest";
import { preparePhoto } from "../attachments/photo.ts";
import { jpegJsPort, phonePhoto } from "../attachments/testing.ts";
import { createApi } from "../sync/api.ts";
import type { TestDevice } from "../sync/test-devices.ts";
import { syncDevices, TEST_PASSWORD, TEST_SERVER } from "../sync/test-devices.ts";
import type { StoredCircle } from "./store.ts";
import { circleFixtures, letWaitingIn, ORIGIN, ok } from "./testing.ts";

const devices = syncDevices();
const { mayaWithCircles, reader } = circleFixtures(devices);

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
    expect(await c.editPost(parents, postId, { text: "Again?" })).toMatchObject({
      ok: false,
      error: { reason: "not-found" },
    });
    expect(ok(await mother.device.sync.circles.open(parents)).posts).toEqual([]);
    expect(await mother.device.sync.circles.photo(parents, view.posts[0]!.photo!)).toMatchObject({
      ok: false,
      error: { reason: "not-found" },
    });
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
