/**
 * Vault-key grants: how a partner gets a vault key. The key is sealed to the
 * recipient's X25519 key (`crypto_box_seal`, anonymous), then the owner signs
 * the sealed bytes together with the vault id, epoch and recipient key
 * (Ed25519), so the recipient knows who sent it and that it is for them.
 *
 *   offset      size    field
 *   0           1       version, 0x01
 *   1           4       epoch, uint32 big-endian
 *   5           32      recipient X25519 public key
 *   37          1       L = length of the vault id (1-128)
 *   38          L       vault id, ASCII
 *   38+L        84+L    crypto_box_seal(epoch (4) ‖ vault key (32) ‖ vault id (L))
 *   122+2L      64      Ed25519 signature over "trellis|vault-grant|v1" ‖ bytes 0..122+2L
 *
 * A grant is 186 + 2L bytes (258 for a UUID vault id).
 */
import { err, ok, type Result } from "@trellis/domain";
import { ascii, type Bytes, concatBytes, readUint32BE, uint32BE, wipe } from "./bytes.ts";
import { assertAdSafeId, isAdSafeId } from "./ids.ts";
import {
  type BoxKeyPair,
  type Ed25519PublicKey,
  type Ed25519SecretKey,
  KEY_BYTES,
  makeVaultKey,
  type VaultKey,
  type X25519PublicKey,
} from "./keys.ts";
import { lib } from "./sodium.ts";

export const GRANT_VERSION = 1;
const SIGNATURE_BYTES = 64; // crypto_sign_BYTES
const SEAL_OVERHEAD = 48; // crypto_box_SEALBYTES
const SIGNATURE_LABEL = ascii(`trellis|vault-grant|v${GRANT_VERSION}`);
/** Header (38), seal overhead, sealed epoch and key (36), signature: all but the two copies of the id. */
const FIXED_BYTES = 38 + SEAL_OVERHEAD + 4 + KEY_BYTES.VaultKey + SIGNATURE_BYTES;

/** A signed, sealed vault key for one recipient. The server may route it; it cannot read it. */
export type VaultKeyGrant = Bytes<"VaultKeyGrant">;

export interface GrantFailure {
  readonly reason:
    | "bad-signature"
    | "wrong-recipient"
    | "wrong-vault"
    | "decrypt-failure"
    | "unsupported-version"
    | "malformed";
}

/** Seals `vaultKey` for `recipient` and signs it as `signer`. */
export function sealVaultKeyFor(
  recipient: X25519PublicKey,
  vaultKey: VaultKey,
  options: { readonly vaultId: string; readonly signer: Ed25519SecretKey },
): VaultKeyGrant {
  assertAdSafeId(options.vaultId, "vaultId");
  const sodium = lib();
  const vaultId = ascii(options.vaultId);
  const epoch = uint32BE(vaultKey.epoch);
  const inner = concatBytes(epoch, vaultKey.bytes, vaultId);
  const sealed = sodium.crypto_box_seal(inner, recipient);
  wipe(inner);
  const body = concatBytes(
    Uint8Array.of(GRANT_VERSION),
    epoch,
    recipient,
    Uint8Array.of(vaultId.length),
    vaultId,
    sealed,
  );
  const signature = sodium.crypto_sign_detached(concatBytes(SIGNATURE_LABEL, body), options.signer);
  return concatBytes(body, signature) as VaultKeyGrant;
}

/**
 * Opens a grant (untrusted bytes): checks it is for this recipient and vault,
 * that `expectedSigner` signed it, and only then decrypts.
 */
export function openVaultKeyGrant(
  grant: Uint8Array,
  options: {
    readonly recipient: BoxKeyPair;
    readonly expectedSigner: Ed25519PublicKey;
    readonly vaultId: string;
  },
): Result<VaultKey, GrantFailure> {
  const sodium = lib();
  if (grant.length === 0) return err({ reason: "malformed" });
  if (grant[0] !== GRANT_VERSION) return err({ reason: "unsupported-version" });
  if (grant.length < 38) return err({ reason: "malformed" });
  const idLength = grant[37]!;
  if (grant.length !== FIXED_BYTES + 2 * idLength) return err({ reason: "malformed" });

  if (!bytesEqual(grant.subarray(5, 37), options.recipient.publicKey)) {
    return err({ reason: "wrong-recipient" });
  }
  const expectedId = isAdSafeId(options.vaultId) ? ascii(options.vaultId) : null;
  const headerId = grant.subarray(38, 38 + idLength);
  if (!expectedId || !bytesEqual(headerId, expectedId)) return err({ reason: "wrong-vault" });

  const body = grant.subarray(0, grant.length - SIGNATURE_BYTES);
  const signature = grant.subarray(grant.length - SIGNATURE_BYTES);
  if (
    !sodium.crypto_sign_verify_detached(
      signature,
      concatBytes(SIGNATURE_LABEL, body),
      options.expectedSigner,
    )
  ) {
    return err({ reason: "bad-signature" });
  }

  let inner: Uint8Array;
  try {
    inner = sodium.crypto_box_seal_open(
      body.subarray(38 + idLength),
      options.recipient.publicKey,
      options.recipient.secretKey,
    );
  } catch {
    return err({ reason: "decrypt-failure" });
  }
  const consistent =
    inner.length === 4 + KEY_BYTES.VaultKey + idLength &&
    readUint32BE(inner, 0) === readUint32BE(grant, 1) &&
    bytesEqual(inner.subarray(4 + KEY_BYTES.VaultKey), expectedId);
  if (!consistent) {
    wipe(inner);
    return err({ reason: "malformed" });
  }
  const key = makeVaultKey(
    readUint32BE(inner, 0),
    Uint8Array.from(inner.subarray(4, 4 + KEY_BYTES.VaultKey)),
  );
  wipe(inner);
  return ok(key);
}

/** Plain comparison for public values (ids, public keys). */
function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
