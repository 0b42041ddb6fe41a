/**
 * A key stretched from the local app-lock PIN with Argon2id (libsodium's
 * interactive limits: 2 passes, 64 MiB). A 4-6 digit PIN has little entropy:
 * this slows guessing on a stolen device, it does not make the PIN strong.
 * Never let a PIN-derived key be the only thing protecting data that leaves
 * the device.
 */
import { err, ok, type Result } from "@trellis/domain";
import { utf8, wipe } from "./bytes.ts";
import { KEY_BYTES, type PinKey, type PinSalt, randomKey } from "./keys.ts";
import { type CryptoProblem as Problem, problem } from "./refusals.ts";
import { lib } from "./sodium.ts";

/** A fresh random salt, stored beside whatever the PIN key protects. */
export function generatePinSalt(): PinSalt {
  return randomKey<PinSalt>(KEY_BYTES.PinSalt);
}

/**
 * The 32-byte key for `pin` and `salt`. The PIN is NFKC-normalised first, so
 * the same digits typed on different keyboards give the same key.
 */
export function deriveKeyFromPin(pin: string, salt: PinSalt): Result<PinKey, Problem> {
  const normalised = pin.normalize("NFKC");
  if (normalised.length === 0) return err(problem("pin-empty", "pin"));
  const sodium = lib();
  const password = utf8(normalised);
  try {
    return ok(
      sodium.crypto_pwhash(
        KEY_BYTES.PinKey,
        password,
        salt,
        sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE,
        sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE,
        sodium.crypto_pwhash_ALG_ARGON2ID13,
      ) as PinKey,
    );
  } finally {
    wipe(password);
  }
}
