/**
 * "Unlock with this device": a WebAuthn platform credential (the phone's own
 * fingerprint, face or screen lock) whose PRF extension turns a fixed salt
 * into 32 secret bytes only that authenticator can make. Those bytes unwrap
 * the device key (the lock keeps the wrapping); the passphrase stays the way
 * in, this is only a convenience beside it.
 */

/** Why the device could not give its answer: said plainly, the passphrase still works. */
export type DeviceUnlockProblem = "unsupported" | "cancelled";

export type DeviceAnswer =
  | { readonly ok: true; readonly value: Uint8Array }
  | { readonly ok: false; readonly error: DeviceUnlockProblem };

const toBase64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replaceAll("-", "+").replaceAll("_", "/");
  const raw = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/**
 * Whether this browser can offer it: a platform authenticator that verifies
 * the person, and (where the browser can say) the PRF extension.
 */
export async function canUnlockWithDevice(): Promise<boolean> {
  if (typeof PublicKeyCredential === "undefined" || !window.isSecureContext) return false;
  try {
    if (!(await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable())) return false;
    if (typeof PublicKeyCredential.getClientCapabilities !== "function") return true;
    const capabilities = await PublicKeyCredential.getClientCapabilities();
    return capabilities["extension:prf"] !== false;
  } catch {
    return false;
  }
}

/** The PRF output for `salt` from the credential `credentialId` (base64url). */
export async function deviceAnswer(credentialId: string, salt: string): Promise<DeviceAnswer> {
  return evaluate(fromBase64Url(credentialId), fromBase64Url(salt));
}

async function evaluate(
  id: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
): Promise<DeviceAnswer> {
  let credential: Credential | null;
  try {
    credential = await navigator.credentials.get({
      publicKey: {
        challenge: random(32),
        allowCredentials: [{ type: "public-key", id }],
        userVerification: "required",
        extensions: { prf: { eval: { first: salt } } },
      },
    });
  } catch {
    return { ok: false, error: "cancelled" };
  }
  if (!(credential instanceof PublicKeyCredential)) return { ok: false, error: "cancelled" };
  const first = credential.getClientExtensionResults().prf?.results?.first;
  if (!first) return { ok: false, error: "unsupported" };
  const value =
    first instanceof ArrayBuffer
      ? new Uint8Array(first)
      : new Uint8Array(first.buffer, first.byteOffset, first.byteLength);
  return { ok: true, value: new Uint8Array(value) };
}

/** A new platform credential and its PRF output for `salt`, for `DeviceLock.addDeviceUnlock`. */
export async function makeDeviceUnlock(
  salt: Uint8Array,
  name: string,
): Promise<
  | { readonly ok: true; readonly credentialId: string; readonly prfOutput: Uint8Array }
  | { readonly ok: false; readonly error: DeviceUnlockProblem }
> {
  let credential: Credential | null;
  try {
    credential = await navigator.credentials.create({
      publicKey: {
        rp: { name },
        user: { id: random(16), name, displayName: name },
        challenge: random(32),
        pubKeyCredParams: [
          { type: "public-key", alg: -7 },
          { type: "public-key", alg: -257 },
        ],
        authenticatorSelection: {
          authenticatorAttachment: "platform",
          residentKey: "preferred",
          userVerification: "required",
        },
        extensions: { prf: {} },
      },
    });
  } catch {
    return { ok: false, error: "cancelled" };
  }
  if (!(credential instanceof PublicKeyCredential)) return { ok: false, error: "cancelled" };
  if (credential.getClientExtensionResults().prf?.enabled === false)
    return { ok: false, error: "unsupported" };
  const id = new Uint8Array(credential.rawId);
  const answer = await evaluate(id, new Uint8Array(salt));
  if (!answer.ok) return answer;
  return { ok: true, credentialId: toBase64Url(id), prfOutput: answer.value };
}

export { toBase64Url };
