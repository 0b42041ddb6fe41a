/**
 * VAPID (RFC 8292): the server's P-256 key pair, which identifies it to push
 * services, and the `Authorization: vapid t=<JWT>, k=<public key>` header it
 * sends with each message. The key pair is one of the server's secrets
 * (auth/secrets.ts): from TRELLIS_VAPID_PRIVATE_KEY or the secrets file,
 * never the database. ES256 with node:crypto; no library needed.
 */
import { createECDH, createPrivateKey, type KeyObject, sign } from "node:crypto";

export interface VapidKeys {
  /** The private key, for signing. */
  readonly privateKey: KeyObject;
  /** The uncompressed public point (65 bytes, 0x04 || x || y). */
  readonly publicKey: Buffer;
  /** The private scalar as unpadded base64url (32 bytes): what the secrets file keeps. */
  readonly privateKeyText: string;
}

/** The longest a VAPID JWT may live (RFC 8292 section 2: no more than 24 hours). */
export const VAPID_JWT_MAX_SECONDS = 24 * 60 * 60;
/** How long the JWTs we send live: well inside the 24 h limit, for clock skew. */
export const VAPID_JWT_SECONDS = 12 * 60 * 60;

/** Thrown for a private key that is not a P-256 scalar; never quotes it. */
export class InvalidVapidKeyError extends Error {
  constructor(source: "TRELLIS_VAPID_PRIVATE_KEY" | "secrets file") {
    super(
      source === "secrets file"
        ? "The VAPID private key in the secrets file is not valid; restore the file from a backup."
        : "TRELLIS_VAPID_PRIVATE_KEY is not a valid P-256 private key (32 bytes, unpadded base64url).",
    );
    this.name = "InvalidVapidKeyError";
  }
}

/** The key pair for a private scalar (unpadded base64url of 32 bytes). Throws for anything else. */
export function vapidKeysFrom(privateKeyText: string): VapidKeys {
  const d = Buffer.from(privateKeyText, "base64url");
  if (d.byteLength !== 32 || d.toString("base64url") !== privateKeyText) {
    throw new RangeError("A VAPID private key is 32 bytes, unpadded base64url.");
  }
  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(d); // throws for 0 or a scalar not below the group order
  const publicKey = ecdh.getPublicKey(null, "uncompressed");
  const privateKey = createPrivateKey({
    format: "jwk",
    key: {
      kty: "EC",
      crv: "P-256",
      d: privateKeyText,
      x: publicKey.subarray(1, 33).toString("base64url"),
      y: publicKey.subarray(33, 65).toString("base64url"),
    },
  });
  return { privateKey, publicKey, privateKeyText };
}

/**
 * A private scalar as the 32 bytes VAPID keeps. Node's `getPrivateKey()`
 * drops leading zero bytes (one key in 256 comes out 31 bytes long, or
 * shorter), so it is padded back on the left.
 */
export function scalarBytes(scalar: Buffer): Buffer {
  if (scalar.byteLength > 32) throw new RangeError("A P-256 scalar is at most 32 bytes.");
  return Buffer.concat([Buffer.alloc(32 - scalar.byteLength), scalar]);
}

/** A new key pair (first start). */
export function generateVapidKeys(): VapidKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return vapidKeysFrom(scalarBytes(ecdh.getPrivateKey()).toString("base64url"));
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/**
 * The VAPID JWT for one push service: ES256, `aud` = the endpoint's origin,
 * `exp` = now + 12 h, `sub` = the operator's contact (mailto: or https:).
 */
export function vapidJwt(
  keys: VapidKeys,
  audience: string,
  subject: string,
  nowSeconds: number,
): string {
  const header = b64url(JSON.stringify({ typ: "JWT", alg: "ES256" }));
  const claims = b64url(
    JSON.stringify({ aud: audience, exp: nowSeconds + VAPID_JWT_SECONDS, sub: subject }),
  );
  const signingInput = `${header}.${claims}`;
  // JWS wants r || s (64 bytes), not DER.
  const signature = sign("sha256", Buffer.from(signingInput), {
    key: keys.privateKey,
    dsaEncoding: "ieee-p1363",
  });
  return `${signingInput}.${b64url(signature)}`;
}

/** The `Authorization` header for a message to `endpoint`. */
export function vapidAuthorization(
  keys: VapidKeys,
  endpoint: URL,
  subject: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): string {
  const jwt = vapidJwt(keys, endpoint.origin, subject, nowSeconds);
  return `vapid t=${jwt}, k=${keys.publicKey.toString("base64url")}`;
}
