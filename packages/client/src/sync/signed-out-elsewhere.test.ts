/**
 * A device signed out from another device of its account ("I lost my
 * phone"), against the fake server: the probe it keeps, the question it asks
 * at start, erasing itself while running, telling that apart from a plain
 * ended session, and the vault key that moves on so the signed-out device's
 * keys open nothing written afterwards.
 */
import {
  deriveIdentity,
  eventEpoch,
  generateRootKey,
  signSignOut,
  toBase64Url,
  VaultKey,
} from "@trellis/crypto";
import { describe, expect, it, vi } from "vitest";
import { identityOf, probeOf } from "./account-sync/session.ts";
import { createApi } from "./api.ts";
import { fromBase64 } from "./base64.ts";
import { networkSwitch } from "./fake-server.ts";
import { forgetIfSignedOutElsewhere } from "./signed-out-elsewhere.ts";
import { memorySignOutProbe, type SignOutProbeStore, signOutProbeFor } from "./signout-probe.ts";
import { ACCOUNT_KEY, type StoredAccount, type StoredVault, VAULT_KEY } from "./stored.ts";
import { note, syncDevices, TEST_PASSWORD, TEST_SERVER, texts } from "./test-devices.ts";
import type { Transport } from "./transport.ts";
import { createVaultCrypto } from "./vault-crypto.ts";

const devices = syncDevices();

/**
 * A device as the app opens it: its own probe store, a network switch (that
 * can also drop right after a sign-out reaches the server), and a count of
 * `forgetDevice` calls.
 */
async function device() {
  const probe = memorySignOutProbe();
  const network = networkSwitch(devices.server.transport);
  const cut = { afterSignOut: false };
  const transport: Transport = {
    ...network.transport,
    async request(r) {
      const answer = await network.transport.request(r);
      if (cut.afterSignOut && r.method === "DELETE" && r.path.startsWith("/api/v1/sessions/")) {
        network.online = false;
      }
      return answer;
    },
  };
  const forgotten = { count: 0 };
  const d = await devices.device(transport, undefined, {
    probe,
    forgetDevice: async () => {
      forgotten.count += 1;
    },
  });
  return { ...d, probe, network, cut, forgotten };
}

/** Phone (the owner's first device, with a note) and laptop, both signed in to one account. */
async function phoneAndLaptop() {
  const phone = await device();
  await note(phone.client, "Day 1 of stims.");
  const username = await devices.account(phone, "lea");
  const laptop = await device();
  const signedIn = await laptop.sync.signIn({
    serverUrl: TEST_SERVER,
    username,
    password: TEST_PASSWORD,
    deviceName: "Lea's laptop",
  });
  expect(signedIn.ok).toBe(true);
  await vi.waitFor(() => expect(texts(laptop.client)).toEqual(["Day 1 of stims."]));
  await vi.waitFor(() => expect(laptop.sync.snapshot.status?.phase).toBe("synced"));
  return { phone, laptop, username };
}

async function sessionIdOf(d: {
  client: { sync: { getMeta<T>(k: string): Promise<T | undefined> } };
}) {
  return (await d.client.sync.getMeta<StoredAccount>(ACCOUNT_KEY))!.sessionId;
}

const ask = (probe: SignOutProbeStore, transport: Transport = devices.server.transport) => {
  let forgot = 0;
  return forgetIfSignedOutElsewhere({
    probe,
    connect: () => transport,
    forget: async () => {
      forgot += 1;
    },
  }).then((erased) => ({ erased, forgot }));
};

describe("the sign-out probe", () => {
  it("holds the server and the hash of the current token, never the token; cleared on sign-out", async () => {
    const { laptop } = await phoneAndLaptop();
    const account = (await laptop.client.sync.getMeta<StoredAccount>(ACCOUNT_KEY))!;
    const { tokenHash } = await signOutProbeFor(TEST_SERVER, account.token);
    expect(laptop.probe.current).toEqual({
      serverUrl: TEST_SERVER,
      tokenHash,
      signer: {
        accountId: account.accountId,
        sessionId: account.sessionId,
        signingKey: toBase64Url(identityOf(account).signing.publicKey),
      },
    });
    expect(JSON.stringify(laptop.probe.current)).not.toContain(account.token);
    expect(JSON.stringify(laptop.probe.current)).not.toContain(account.rootKey);
    expect(laptop.probe.current?.tokenHash).toMatch(/^[A-Za-z0-9_-]{43}$/);

    expect((await laptop.sync.signOut()).ok).toBe(true);
    expect(laptop.probe.current).toBeNull();
  });

  it("follows the session: signing in again writes the new token's hash", async () => {
    const { laptop, username } = await phoneAndLaptop();
    const before = laptop.probe.current;
    await laptop.sync.signOut();
    await laptop.sync.signIn({
      serverUrl: TEST_SERVER,
      username,
      password: TEST_PASSWORD,
      deviceName: "Lea's laptop",
    });
    const account = (await laptop.client.sync.getMeta<StoredAccount>(ACCOUNT_KEY))!;
    expect(laptop.probe.current).toEqual(await probeOf(account));
    expect(laptop.probe.current).not.toEqual(before);
  });
});

describe("asking at start", () => {
  it("forgets the device when another device signed it out, and only then", async () => {
    const { phone, laptop } = await phoneAndLaptop();
    const probe = memorySignOutProbe();
    await probe.save(laptop.probe.current!);
    expect(await ask(probe)).toEqual({ erased: false, forgot: 0 });

    expect((await phone.sync.signOutDevice(await sessionIdOf(laptop))).ok).toBe(true);
    expect(await ask(probe)).toEqual({ erased: true, forgot: 1 });
  });

  it("carries on quietly without a probe, offline, or when the server's answer makes no sense", async () => {
    const { phone, laptop } = await phoneAndLaptop();
    const probe = memorySignOutProbe();
    await probe.save(laptop.probe.current!);
    await phone.sync.signOutDevice(await sessionIdOf(laptop));

    expect(await ask(memorySignOutProbe())).toEqual({ erased: false, forgot: 0 });
    const offline = networkSwitch(devices.server.transport);
    offline.online = false;
    expect(await ask(probe, offline.transport)).toEqual({ erased: false, forgot: 0 });
    const nonsense: Transport = {
      request: async () => ({ status: 200, body: { endedElsewhere: "yes" } }),
      stream: () => {
        throw new Error("not used");
      },
    };
    expect(await ask(probe, nonsense)).toEqual({ erased: false, forgot: 0 });
    const throwing: Transport = {
      request: async () => {
        throw new Error("network stack broke");
      },
      stream: nonsense.stream,
    };
    expect(await ask(probe, throwing)).toEqual({ erased: false, forgot: 0 });
    // The next start, back online, asks again and forgets.
    expect(await ask(probe)).toEqual({ erased: true, forgot: 1 });
  });

  it("a server that does not answer does not hold the start: it gives up after the timeout", async () => {
    const probe = memorySignOutProbe();
    await probe.save({ serverUrl: TEST_SERVER, tokenHash: "A".repeat(43) });
    let aborted = false;
    const silent: Transport = {
      request: ({ signal }) =>
        new Promise((resolve) => {
          signal?.addEventListener("abort", () => {
            aborted = true;
            resolve(null);
          });
        }),
      stream: () => {
        throw new Error("not used");
      },
    };
    const erased = await forgetIfSignedOutElsewhere({
      probe,
      connect: () => silent,
      forget: async () => {
        throw new Error("must not forget");
      },
      timeoutMs: 20,
    });
    expect({ erased, aborted }).toEqual({ erased: false, aborted: true });
  });

  it("a server that lies cannot make it erase: no signature, a forged one, or one for another session", async () => {
    const { laptop } = await phoneAndLaptop();
    const account = (await laptop.client.sync.getMeta<StoredAccount>(ACCOUNT_KEY))!;
    const stranger = deriveIdentity(generateRootKey());
    const mine = { accountId: account.accountId, sessionId: account.sessionId };
    const signed = (who: typeof stranger, address: typeof mine) =>
      toBase64Url(signSignOut(address, who.signing.secretKey));
    const lies: [string, string | undefined][] = [
      ["no signature", undefined],
      ["signed by another key", signed(stranger, mine)],
      [
        "the account's signature on another session",
        signed(identityOf(account), { ...mine, sessionId: crypto.randomUUID() }),
      ],
      ["random bytes", toBase64Url(crypto.getRandomValues(new Uint8Array(64)))],
      ["not base64url", "!!"],
    ];
    for (const [what, signature] of lies) {
      const probe = memorySignOutProbe();
      await probe.save(laptop.probe.current!);
      await devices.server.claimSignedOutElsewhere(account.sessionId, signature);
      expect(await ask(probe), what).toEqual({ erased: false, forgot: 0 });
    }
  });

  it("a probe from before sign-outs were signed never erases, and is written whole at the next open", async () => {
    const { phone, laptop } = await phoneAndLaptop();
    const { signer: _, ...old } = laptop.probe.current!;
    const probe = memorySignOutProbe();
    await probe.save(old);
    await phone.sync.signOutDevice(await sessionIdOf(laptop));
    expect(await ask(probe)).toEqual({ erased: false, forgot: 0 });
  });

  it("a device that signed itself out is not forgotten", async () => {
    const { laptop } = await phoneAndLaptop();
    const probe = memorySignOutProbe();
    await probe.save(laptop.probe.current!);
    await laptop.sync.signOut();
    expect(await ask(probe)).toEqual({ erased: false, forgot: 0 });
  });
});

describe("while running", () => {
  it("a device signed out elsewhere erases its record, keys and account, and says so", async () => {
    const { phone, laptop } = await phoneAndLaptop();
    expect((await phone.sync.signOutDevice(await sessionIdOf(laptop))).ok).toBe(true);
    await note(laptop.client, "Written after being signed out.");

    await vi.waitFor(() => expect(laptop.sync.snapshot.erasedElsewhere).toBe(true));
    expect(laptop.sync.snapshot.account).toBeNull();
    expect(laptop.sync.snapshot.vault).toBeNull();
    expect(laptop.sync.snapshot.signInNeeded).toBeUndefined();
    expect(laptop.client.state.eventCount).toBe(0);
    expect(await laptop.storage.loadEvents()).toEqual([]);
    expect(await laptop.storage.loadOutbox()).toEqual([]);
    expect(await laptop.client.sync.getMeta(ACCOUNT_KEY)).toBeUndefined();
    expect(await laptop.client.sync.getMeta(VAULT_KEY)).toBeUndefined();
    expect(laptop.probe.current).toBeNull();
    expect(laptop.forgotten.count).toBe(1);
    // The phone carries on.
    await note(phone.client, "The phone carries on.");
    await vi.waitFor(() =>
      expect(phone.sync.snapshot.status).toMatchObject({ phase: "synced", pending: 0 }),
    );
  });

  it("told it was signed out elsewhere without the account's signature, it asks to sign in and keeps everything", async () => {
    const { laptop } = await phoneAndLaptop();
    await devices.server.claimSignedOutElsewhere(await sessionIdOf(laptop), undefined);
    await note(laptop.client, "Written while the server lies.");
    await vi.waitFor(() => expect(laptop.sync.snapshot.signInNeeded).toBe(true));
    expect(laptop.sync.snapshot.erasedElsewhere).toBeUndefined();
    expect(texts(laptop.client)).toContain("Written while the server lies.");
    expect(laptop.sync.snapshot.account).not.toBeNull();
    expect(laptop.forgotten.count).toBe(0);
  });

  it("a session ended by age still says sign in again and keeps everything", async () => {
    const { laptop } = await phoneAndLaptop();
    devices.clock.ms += 31 * 86_400_000;
    await note(laptop.client, "Written a month later.");
    await vi.waitFor(() => expect(laptop.sync.snapshot.signInNeeded).toBe(true));
    expect(laptop.sync.snapshot.erasedElsewhere).toBeUndefined();
    expect(texts(laptop.client)).toContain("Written a month later.");
    expect(laptop.forgotten.count).toBe(0);
  });
});

describe("the vault key moves on", () => {
  it("after the phone signs the laptop out, what the phone writes is under a new key the laptop never had", async () => {
    const { phone, laptop } = await phoneAndLaptop();
    const vaultId = phone.sync.snapshot.vault!.vaultId;
    // What a thief would find in the laptop's storage before it erases itself.
    const held = (await laptop.client.sync.getMeta<StoredVault>(VAULT_KEY))!.keys;
    const laptopToken = (await laptop.client.sync.getMeta<StoredAccount>(ACCOUNT_KEY))!.token;
    laptop.network.online = false;

    expect((await phone.sync.signOutDevice(await sessionIdOf(laptop))).ok).toBe(true);
    await note(phone.client, "After the laptop was lost.");
    await vi.waitFor(() =>
      expect(phone.sync.snapshot.status).toMatchObject({ phase: "synced", pending: 0 }),
    );
    const newest = devices.server.eventsOf(vaultId).at(-1)!;
    expect(eventEpoch(fromBase64(newest.body)!)).toBe(2);

    // Its token is refused the new grant (and anything else).
    const grants = await createApi(devices.server.transport).myGrants(laptopToken, vaultId);
    expect(grants.ok || grants.error.reason).toBe("signed-out-elsewhere");

    const laptopKeys = held.map((k) => VaultKey.decode(k)).flatMap((k) => (k.ok ? [k.value] : []));
    expect(laptopKeys.map((k) => k.epoch)).toEqual([1]);
    const withOldKeys = createVaultCrypto({ vaultId, keys: laptopKeys });
    expect(withOldKeys.open(newest.id, fromBase64(newest.body)!).ok).toBe(false);
    // The phone holds the new key and reads its own entry back.
    const phoneVault = (await phone.client.sync.getMeta<StoredVault>(VAULT_KEY))!;
    expect(phoneVault.rotationDue).toBe(false);
    const phoneKeys = phoneVault.keys
      .map((k) => VaultKey.decode(k))
      .flatMap((k) => (k.ok ? [k.value] : []));
    expect(
      createVaultCrypto({ vaultId, keys: phoneKeys }).open(newest.id, fromBase64(newest.body)!).ok,
    ).toBe(true);
  });

  it("offline right after signing the device out, the rotation stays due and finishes on the next round", async () => {
    const { phone, laptop } = await phoneAndLaptop();
    const vaultId = phone.sync.snapshot.vault!.vaultId;
    phone.cut.afterSignOut = true;
    expect((await phone.sync.signOutDevice(await sessionIdOf(laptop))).ok).toBe(true);
    expect(phone.network.online).toBe(false);
    expect((await phone.client.sync.getMeta<StoredVault>(VAULT_KEY))?.rotationDue).toBe(true);
    await note(phone.client, "Written on the train.");
    await vi.waitFor(() => expect(phone.sync.snapshot.status?.phase).toBe("offline"));

    phone.cut.afterSignOut = false;
    phone.network.online = true;
    phone.sync.nudge();
    await vi.waitFor(() =>
      expect(phone.sync.snapshot.status).toMatchObject({ phase: "synced", pending: 0 }),
    );
    expect((await phone.client.sync.getMeta<StoredVault>(VAULT_KEY))?.rotationDue).toBe(false);
    const newest = devices.server.eventsOf(vaultId).at(-1)!;
    expect(eventEpoch(fromBase64(newest.body)!)).toBe(2);
  });
});
