/**
 * At start, before the record is opened: was this device signed out from
 * another device of its account? It asks the server with the sign-out probe
 * (`signout-probe.ts`: the server's address and the hash of the token, never
 * the token), and on "yes", signed by the account, forgets everything
 * Trellis keeps on the device.
 *
 * Offline, a server that cannot be reached, a refusal or an answer that makes
 * no sense: nothing happens and the app carries on; the next start asks again.
 */
import { forgetThisDevice } from "../device-databases.ts";
import { createApi, type SyncApi } from "./api.ts";
import {
  indexedDbSignOutProbe,
  type SignOutProbe,
  type SignOutProbeStore,
} from "./signout-probe.ts";
import type { Transport } from "./transport.ts";

/**
 * What the server says about this device's session, checked:
 * - `erase`: another device of the account signed it out and asked it to
 *   erase, and the account's signature on exactly this session verifies;
 * - `ended`: the server says so, but without a signature this device can
 *   check (a server that lies, or a sign-out from before signatures): the
 *   session is over, nothing is erased;
 * - `no`: not signed out elsewhere, or no answer now.
 *
 * libsodium is loaded only when there is a signature to check.
 */
export async function askSignedOutElsewhere(
  api: Pick<SyncApi, "sessionEnded">,
  probe: SignOutProbe,
): Promise<"erase" | "ended" | "no"> {
  const asked = await api.sessionEnded({ tokenHash: probe.tokenHash });
  if (!asked.ok || !asked.value.endedElsewhere) return "no";
  const { signature } = asked.value;
  if (!probe.signer || signature === undefined) return "ended";
  const { fromBase64Url, ready, verifySignOut } = await import("@trellis/crypto");
  await ready();
  const signatureBytes = fromBase64Url(signature);
  const key = fromBase64Url(probe.signer.signingKey);
  if (!signatureBytes.ok || !key.ok) return "ended";
  const address = { accountId: probe.signer.accountId, sessionId: probe.signer.sessionId };
  return verifySignOut(address, signatureBytes.value, key.value) ? "erase" : "ended";
}

export interface SignedOutElsewhereOptions {
  /** A transport to the server at `serverUrl` (`fetchTransport` in the app). */
  readonly connect: (serverUrl: string) => Transport;
  /** Where the probe is kept (IndexedDB by default). */
  readonly probe?: SignOutProbeStore;
  /** Forgets everything on the device (every Trellis database by default). */
  readonly forget?: () => Promise<void>;
  /** How long start-up waits for the answer before carrying on (default 5 s). */
  readonly timeoutMs?: number;
}

/** A slow network must not hold the app's start: after this, it carries on and asks next time. */
export const SIGNED_OUT_CHECK_TIMEOUT_MS = 5_000;

/**
 * True when the server said this device's session was ended from another
 * device and the device was then forgotten; false otherwise (no probe, not
 * signed out elsewhere, or the question could not be answered now).
 */
export async function forgetIfSignedOutElsewhere(
  options: SignedOutElsewhereOptions,
): Promise<boolean> {
  const store = options.probe ?? indexedDbSignOutProbe();
  try {
    const probe = await store.read();
    if (!probe) return false;
    const inner = options.connect(probe.serverUrl);
    const timeout = options.timeoutMs ?? SIGNED_OUT_CHECK_TIMEOUT_MS;
    const patient: Transport = {
      ...inner,
      request: (request) => inner.request({ ...request, signal: AbortSignal.timeout(timeout) }),
    };
    // Only on the account's own signature: a server that says "erase" without
    // it is not believed (the running app then asks to sign in again).
    if ((await askSignedOutElsewhere(createApi(patient), probe)) !== "erase") return false;
  } catch {
    return false;
  }
  await (options.forget ?? forgetThisDevice)();
  return true;
}
