/**
 * `@trellis/client/bench`: support for benchmarks against a real server:
 * fill a vault with a long journey, then time what a new device does to open
 * it (sign in, pull, decrypt, validate, fold), stage by stage.
 *
 * For `bench/` and tests only, never the app: it registers accounts and
 * pushes events outside the checks `openAccountSync` makes. A test
 * (`bench/entry.test.ts`) fails if anything in apps/web imports it.
 */
import { generateRecoveryKey } from "@trellis/crypto";
import {
  fold,
  type JourneyState,
  parseEvent,
  type Result,
  type TrellisEvent,
} from "@trellis/domain";
import { MAX_APPEND_EVENTS } from "@trellis/sync";
import { openClient } from "./client.ts";
import { newEventId } from "./ids.ts";
import { memoryStorage } from "./storage.ts";
import { register, signIn } from "./sync/account.ts";
import { createApi, type SyncFailure } from "./sync/api.ts";
import { deviceSigner } from "./sync/device-signer.ts";
import { systemClock } from "./sync/engine/clock.ts";
import { cursorKey } from "./sync/engine/cursor.ts";
import { pull } from "./sync/engine/pull.ts";
import { appendSealed, sealAndSend } from "./sync/engine/push.ts";
import type { RoundContext } from "./sync/engine/round.ts";
import { createVault, fetchVaultKeys, wireIdentity } from "./sync/sharing.ts";
import { noHistory, pullHistory } from "./sync/snapshot/history.ts";
import { openFromSnapshot } from "./sync/snapshot/open.ts";
import { SNAPSHOT_EVERY, sealSnapshot } from "./sync/snapshot/seal.ts";
import type { Transport } from "./sync/transport.ts";
import { createVaultCrypto } from "./sync/vault-crypto.ts";

export interface SeededVault {
  readonly vaultId: string;
  readonly pushed: number;
  readonly pushMs: number;
  /** The snapshot sealed after `snapshotAfter` events, when asked for. */
  readonly snapshot: {
    readonly entries: number;
    readonly bytes: number;
    readonly ms: number;
  } | null;
}

/**
 * Creates an account `username` with one vault and pushes `events` into it,
 * sealed exactly as a device seals them, in batches of `batch` (at most
 * `MAX_APPEND_EVENTS`), the way the sync engine's push sends them. With
 * `snapshotAfter`, seals a snapshot of the first that many events (as the
 * device holding them would) before pushing the rest: the rest is the tail
 * a new device folds.
 */
export async function seedVault(input: {
  readonly transport: Transport;
  readonly username: string;
  readonly password: string;
  readonly events: readonly TrellisEvent[];
  readonly batch?: number;
  readonly snapshotAfter?: number;
  readonly now?: () => number;
}): Promise<Result<SeededVault, SyncFailure>> {
  const now = input.now ?? (() => performance.now());
  const api = createApi(input.transport);
  const made = await register(api, {
    username: input.username,
    password: input.password,
    deviceName: "bench seeder",
    recovery: generateRecoveryKey(),
  });
  if (!made.ok) return made;
  const token = made.value.session.token;
  const vault = await createVault(api, token, made.value.identity);
  if (!vault.ok) return vault;
  const vaultId = vault.value.vaultId;
  const crypto = createVaultCrypto({
    vaultId,
    keys: [vault.value.key],
    signer: deviceSigner(made.value.rootKey, "bench-seeder"),
  });
  const batch = Math.min(MAX_APPEND_EVENTS, input.batch ?? MAX_APPEND_EVENTS);
  const cut = Math.min(input.snapshotAfter ?? input.events.length, input.events.length);
  let pushMs = 0;
  let upTo = 0;
  // As the sync engine's push does: the next batch is sealed while one is on its way.
  const send = async (events: readonly TrellisEvent[]) => {
    const started = now();
    const sent = await sealAndSend({ api, token, crypto, events, batch }, (_, s) => {
      upTo = Math.max(upTo, s.upTo);
    });
    pushMs += now() - started;
    return sent;
  };
  const head = await send(input.events.slice(0, cut));
  if (!head.ok) return head;
  let snapshot: SeededVault["snapshot"] = null;
  if (input.snapshotAfter !== undefined) {
    const started = now();
    const sealed = await sealSnapshot(crypto, fold(input.events.slice(0, cut)), upTo, () =>
      newEventId(Date.now()),
    );
    const sent = await appendSealed(api, token, vaultId, sealed);
    if (!sent.ok) return sent;
    snapshot = {
      entries: sealed.length,
      bytes: sealed.reduce((n, e) => n + e.body.length, 0),
      ms: now() - started,
    };
  }
  const tail = await send(input.events.slice(cut));
  if (!tail.ok) return tail;
  return { ok: true, value: { vaultId, pushed: input.events.length, pushMs, snapshot } };
}

export interface OpenedJourney {
  readonly events: number;
  /** Events that did not open or validate (zero in a healthy vault). */
  readonly refused: number;
  readonly state: JourneyState;
  /**
   * Milliseconds per stage: OPAQUE sign-in and keys, waiting for pulls (the next
   * page is fetched while one is opened, so this is time not hidden behind
   * decrypting), decrypting, validating, folding.
   */
  readonly timings: {
    readonly signInMs: number;
    readonly pullMs: number;
    readonly openMs: number;
    readonly parseMs: number;
    readonly foldMs: number;
    readonly totalMs: number;
  };
}

/** What both bench openings do first: sign in, find the vault, fetch and check its keys. */
async function signInToVault(
  api: ReturnType<typeof createApi>,
  input: { readonly username: string; readonly password: string },
  choose: (vaults: readonly { vaultId: string; role: string }[]) => { vaultId: string } | undefined,
): Promise<
  Result<
    { token: string; vaultId: string; crypto: ReturnType<typeof createVaultCrypto> },
    SyncFailure
  >
> {
  const signedIn = await signIn(api, {
    username: input.username,
    password: input.password,
    deviceName: "bench device",
  });
  if (!signedIn.ok) return signedIn;
  const token = signedIn.value.session.token;
  const listed = await api.listVaults(token);
  if (!listed.ok) return listed;
  const chosen = choose(listed.value.vaults);
  if (!chosen) return { ok: false, error: { reason: "not-found" } };
  const keys = await fetchVaultKeys(api, token, {
    vaultId: chosen.vaultId,
    identity: signedIn.value.identity,
    trustedSigner: wireIdentity(signedIn.value.identity).signingKey,
  });
  if (!keys.ok) return keys;
  const crypto = createVaultCrypto({ vaultId: chosen.vaultId, keys: keys.value });
  return { ok: true, value: { token, vaultId: chosen.vaultId, crypto } };
}

/**
 * What a new device does to open a journey: signs in, fetches and checks its
 * vault keys, pulls every event, opens and validates each one, and folds.
 * Stops at the first failure the server reports.
 */
export async function openJourneyFromServer(input: {
  readonly transport: Transport;
  readonly username: string;
  readonly password: string;
  readonly pullLimit?: number;
  readonly now?: () => number;
}): Promise<Result<OpenedJourney, SyncFailure>> {
  const now = input.now ?? (() => performance.now());
  const api = createApi(input.transport);
  const t0 = now();
  const opened = await signInToVault(
    api,
    input,
    (vaults) => vaults.find((v) => v.role === "owner") ?? vaults[0],
  );
  if (!opened.ok) return opened;
  const { token, crypto } = opened.value;
  const chosen = { vaultId: opened.value.vaultId };
  const t1 = now();

  let pullMs = 0;
  let openMs = 0;
  let parseMs = 0;
  let refused = 0;
  const events: TrellisEvent[] = [];
  let cursor = 0;
  // As the sync engine does: the next page is on its way while this one is opened.
  let pending = api.pull(token, chosen.vaultId, cursor, input.pullLimit ?? 1000);
  for (;;) {
    const a = now();
    const page = await pending;
    if (!page.ok) return page;
    if (page.value.more)
      pending = api.pull(token, chosen.vaultId, page.value.next, input.pullLimit ?? 1000);
    const b = now();
    const opened = page.value.events.map((e) => crypto.open(e.id, e.body));
    const c = now();
    for (const o of opened) {
      const parsed = o.ok ? parseEvent(o.value.value) : null;
      if (parsed?.ok) events.push(parsed.value);
      else refused += 1;
    }
    const d = now();
    pullMs += b - a;
    openMs += c - b;
    parseMs += d - c;
    cursor = page.value.next;
    if (!page.value.more) break;
  }
  const e = now();
  const state = fold(events);
  const f = now();
  return {
    ok: true,
    value: {
      events: events.length,
      refused,
      state,
      timings: {
        signInMs: t1 - t0,
        pullMs,
        openMs,
        parseMs,
        foldMs: f - e,
        totalMs: f - t0,
      },
    },
  };
}

export interface SnapshotOpened {
  readonly state: JourneyState;
  /** The state once the whole history has arrived and been folded. */
  readonly wholeState: JourneyState;
  /**
   * Milliseconds: OPAQUE sign-in and keys; reading the end of the log
   * (pulls, decrypting and checking every entry read); joining, unpacking
   * and decoding the snapshot; folding and storing the tail (the screens are
   * usable from here); then the history, pulled as the engine does in the
   * background.
   */
  readonly timings: {
    readonly signInMs: number;
    readonly readMs: number;
    readonly decodeMs: number;
    readonly tailMs: number;
    readonly openMs: number;
    readonly historyMs: number;
  };
}

/**
 * What a new device does with a snapshot in the log: signs in, opens from
 * the newest snapshot and the entries after it (`openFromSnapshot`, into a
 * client in memory), then pulls the history as the engine does in the
 * background. Fails with `no-snapshot` when it could not use one.
 */
export async function openFromSnapshotOnServer(input: {
  readonly transport: Transport;
  readonly username: string;
  readonly password: string;
  readonly pullLimit?: number;
  readonly now?: () => number;
}): Promise<Result<SnapshotOpened, SyncFailure>> {
  const now = input.now ?? (() => performance.now());
  const api = createApi(input.transport);
  const t0 = now();
  const opened = await signInToVault(api, input, (vaults) =>
    vaults.find((v) => v.role === "owner"),
  );
  if (!opened.ok) return opened;
  const { token, crypto } = opened.value;
  const chosen = { vaultId: opened.value.vaultId };
  const client = await openClient({ storage: memoryStorage() });
  const ctx: RoundContext = {
    storage: client.sync,
    api,
    crypto,
    vaultId: chosen.vaultId,
    token,
    clock: systemClock,
    pushBatch: MAX_APPEND_EVENTS,
    pullLimit: input.pullLimit ?? 1000,
    snapshotEvery: SNAPSHOT_EVERY,
    history: noHistory(),
  };
  const t1 = now();
  const marks: Partial<Record<"read" | "decoded", number>> = {};
  const from = await openFromSnapshot(ctx, (stage) => {
    marks[stage] = now();
  });
  const t2 = now();
  if (from === null) return { ok: false, error: { reason: "no-snapshot" } };
  const state = client.state;
  await client.sync.setMeta(cursorKey(chosen.vaultId), from);
  const pulled = await pull(ctx, () => undefined);
  if (!pulled.ok) return pulled;
  for (;;) {
    const more = await pullHistory(ctx);
    if (!more.ok) return more;
    if (!more.value) break;
  }
  const t3 = now();
  const wholeState = client.state;
  client.close();
  return {
    ok: true,
    value: {
      state,
      wholeState,
      timings: {
        signInMs: t1 - t0,
        readMs: (marks.read ?? t2) - t1,
        decodeMs: (marks.decoded ?? t2) - (marks.read ?? t1),
        tailMs: t2 - (marks.decoded ?? t1),
        openMs: t2 - t1,
        historyMs: t3 - t2,
      },
    },
  };
}

/** Whether two states say exactly the same (for the bench to compare snapshot + tail with a full fold). */
export { sameState } from "./snapshot/base.ts";
