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
import { register, signIn } from "./sync/account.ts";
import { createApi, type SyncFailure } from "./sync/api.ts";
import { deviceSigner } from "./sync/device-signer.ts";
import { sealAndSend } from "./sync/engine/push.ts";
import { createVault, fetchVaultKeys, wireIdentity } from "./sync/sharing.ts";
import type { Transport } from "./sync/transport.ts";
import { createVaultCrypto } from "./sync/vault-crypto.ts";

export interface SeededVault {
  readonly vaultId: string;
  readonly pushed: number;
  readonly pushMs: number;
}

/**
 * Creates an account `username` with one vault and pushes `events` into it,
 * sealed exactly as a device seals them, in batches of `batch` (at most
 * `MAX_APPEND_EVENTS`), the way the sync engine's push sends them.
 */
export async function seedVault(input: {
  readonly transport: Transport;
  readonly username: string;
  readonly password: string;
  readonly events: readonly TrellisEvent[];
  readonly batch?: number;
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
  const crypto = createVaultCrypto({
    vaultId: vault.value.vaultId,
    keys: [vault.value.key],
    signer: deviceSigner(made.value.rootKey, "bench-seeder"),
  });
  const started = now();
  // As the sync engine's push does: the next batch is sealed while one is on its way.
  const sent = await sealAndSend(
    {
      api,
      token,
      crypto,
      events: input.events,
      batch: Math.min(MAX_APPEND_EVENTS, input.batch ?? MAX_APPEND_EVENTS),
    },
    () => undefined,
  );
  if (!sent.ok) return sent;
  return {
    ok: true,
    value: { vaultId: vault.value.vaultId, pushed: input.events.length, pushMs: now() - started },
  };
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
  const signedIn = await signIn(api, {
    username: input.username,
    password: input.password,
    deviceName: "bench device",
  });
  if (!signedIn.ok) return signedIn;
  const token = signedIn.value.session.token;
  const listed = await api.listVaults(token);
  if (!listed.ok) return listed;
  const chosen = listed.value.vaults.find((v) => v.role === "owner") ?? listed.value.vaults[0];
  if (!chosen) return { ok: false, error: { reason: "not-found" } };
  const keys = await fetchVaultKeys(api, token, {
    vaultId: chosen.vaultId,
    identity: signedIn.value.identity,
    trustedSigner: wireIdentity(signedIn.value.identity).signingKey,
  });
  if (!keys.ok) return keys;
  const crypto = createVaultCrypto({ vaultId: chosen.vaultId, keys: keys.value });
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
