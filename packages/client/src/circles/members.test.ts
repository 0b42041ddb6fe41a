/**
 * Who is in a circle, against the fake server: a removal moves the circle
 * to a key the removed member never gets (and the others do); labels,
 * leaving, deleting; a light reader's second device; and a member's device
 * that writes what only the owner may.
 */
import { deriveIdentity, generateRootKey, openEvent, RootKey, VaultKey } from "@trellis/crypto";
import { circleEntry } from "@trellis/domain";
import { describe, expect, it } from "vitest";
import { wireIdentity } from "../sync/account.ts";
import { createApi } from "../sync/api.ts";
import { fromBase64 } from "../sync/base64.ts";
import { deviceSigner } from "../sync/device-signer.ts";
import type { StoredAccount } from "../sync/stored.ts";
import { syncDevices, TEST_PASSWORD, TEST_SERVER } from "../sync/test-devices.ts";
import type { Transport } from "../sync/transport.ts";
import { createVaultCrypto } from "../sync/vault-crypto.ts";
import type { StoredCircle } from "./store.ts";
import { circleFixtures, letWaitingIn, ORIGIN, ok, startJourney } from "./testing.ts";

const devices = syncDevices();
const { mayaWithCircles, reader } = circleFixtures(devices);

describe("circle members", () => {
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

  it("a member cannot read what the owner calls them, even with the circle's key", async () => {
    const { maya, parents } = await mayaWithCircles();
    const c = maya.sync.circles;
    const mother = await reader(ok(await c.invite(parents, ORIGIN)).link);
    const motherId = await letWaitingIn(maya, parents, "Mum, who worries");
    expect(ok(await c.members(parents)).find((m) => m.accountId === motherId)?.label).toBe(
      "Mum, who worries",
    );
    // Every entry her device can open, opened: the words are in none of them.
    ok(await mother.device.sync.circles.open(parents));
    const circle = (await mother.device.client.sync.getMeta<StoredCircle[]>("circles"))![0]!;
    const keys = new Map(
      circle.keys.map((k) => {
        const key = ok(VaultKey.decode(k));
        return [key.epoch, key] as const;
      }),
    );
    const plain = devices.server
      .eventsOf(parents)
      .map((e) => openEvent({ vaultId: parents, eventId: e.id }, keys, fromBase64(e.body)!))
      .map((r) => (r.ok ? new TextDecoder().decode(r.value) : ""));
    expect(plain.filter((t) => t.includes('"kind":"label"'))).toHaveLength(1);
    expect(plain.some((t) => t.includes("worries"))).toBe(false);
    // Maya's other device reads it.
    const laptop = await devices.device();
    ok(
      await laptop.sync.signIn({
        serverUrl: TEST_SERVER,
        username: maya.sync.snapshot.account!.username,
        password: TEST_PASSWORD,
        deviceName: "Maya's laptop",
      }),
    );
    ok(await laptop.sync.circles.list());
    expect(
      ok(await laptop.sync.circles.members(parents)).find((m) => m.accountId === motherId)?.label,
    ).toBe("Mum, who worries");
    expect(await c.relabel(parents, motherId, "")).toMatchObject({
      ok: false,
      error: { reason: "invalid-input", field: "label" },
    });
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

  it("a server that shows one key for the safety code and lists another when letting in gets nothing sealed", async () => {
    // Maya's phone talks to a server that, once the code was shown, lists its own key for the member.
    const stranger = wireIdentity(deriveIdentity(generateRootKey()));
    let swapFor: string | null = null;
    const honest = devices.server.transport;
    const lying: Transport = {
      ...honest,
      async request(request) {
        const response = await honest.request(request);
        if (!swapFor || !request.path.endsWith("/members") || response?.status !== 200) {
          return response;
        }
        const body = response.body as { members: { accountId: string }[] };
        return {
          ...response,
          body: {
            ...body,
            members: body.members.map((m) =>
              m.accountId === swapFor ? { ...m, publicIdentity: stranger } : m,
            ),
          },
        };
      },
    };
    const maya = await devices.device(lying);
    await startJourney(maya.client);
    await devices.account(maya, "maya");
    const c = maya.sync.circles;
    const parents = ok(await c.create("Parents")).circleId;
    const mother = await reader(ok(await c.invite(parents, ORIGIN)).link);
    const waiting = ok(await c.members(parents)).find((m) => m.status === "pending");
    if (!waiting) throw new Error("nobody waiting");
    ok(await c.safetyCode(parents, waiting.accountId));

    swapFor = waiting.accountId;
    expect(await c.letIn(parents, waiting.accountId, "Mum")).toMatchObject({
      ok: false,
      error: { reason: "safety-code-changed" },
    });
    // Nothing was sealed to anyone: the mother still waits.
    const hers = ok(await mother.device.sync.circles.list());
    expect(hers.map((x) => x.state)).toEqual(["waiting"]);

    // The server honest again: the keys the code was made from are let in.
    swapFor = null;
    ok(await c.letIn(parents, waiting.accountId, "Mum"));
    ok(
      await c.post({ circleIds: [parents], text: "Hello, Mum.", replies: false, reactions: false }),
    );
    expect(ok(await mother.device.sync.circles.open(parents)).posts.map((p) => p.text)).toEqual([
      "Hello, Mum.",
    ]);
  });
});
