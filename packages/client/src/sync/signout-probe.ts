/**
 * The sign-out probe: the little a device keeps, outside its record, to ask
 * at start whether another device of its account signed it out ("I lost my
 * phone"): the server's address and the SHA-256 of its session token. Never
 * the token itself: the server accepts only the token, so the hash cannot
 * sign anyone in. It sits in its own plain database
 * (`DEVICE_DATABASES.signOut`) so the question can be asked before the
 * record is opened, even when the app lock keeps the record and the token
 * sealed at rest.
 *
 * Light on purpose (idb and the browser's SHA-256 only): the app reads it at
 * start without loading the sync code or any cryptography library.
 */
import { openDB } from "idb";
import { DEVICE_DATABASES } from "../device-databases.ts";

export interface SignOutProbe {
  /** The origin of the account's server, as stored with the account. */
  readonly serverUrl: string;
  /** base64url of SHA-256 of the session token's bytes (the token decoded from base64url). */
  readonly tokenHash: string;
  /**
   * What a sign-out must be signed for, and by whom: this session of this
   * account, with the account's identity key. Public values only. Missing in
   * a probe written before sign-outs were signed: such a device never erases
   * at start (it cannot check), and writes a whole probe when it next opens.
   */
  readonly signer?: SignOutSigner;
}

export interface SignOutSigner {
  readonly accountId: string;
  readonly sessionId: string;
  /** The account's Ed25519 public signing key, base64url. */
  readonly signingKey: string;
}

export interface SignOutProbeStore {
  /** The probe, or null when this device keeps none (no account, or it could not be read). */
  read(): Promise<SignOutProbe | null>;
  save(probe: SignOutProbe): Promise<void>;
  clear(): Promise<void>;
}

const STORE = "probe";
const KEY = "current";
const VERSION = 1;

/** The probe of a session token: the hash the server keeps of it. */
export async function signOutProbeFor(
  serverUrl: string,
  token: string,
  signer?: SignOutSigner,
): Promise<SignOutProbe> {
  const digest = await crypto.subtle.digest("SHA-256", fromBase64Url(token));
  return { serverUrl, tokenHash: toBase64Url(new Uint8Array(digest)), ...(signer && { signer }) };
}

/**
 * The probe in IndexedDB. Each call opens the database and closes it again,
 * so it never keeps a deletion (`forgetThisDevice`) waiting; reading never
 * creates the database on a device that has none.
 */
export function indexedDbSignOutProbe(name: string = DEVICE_DATABASES.signOut): SignOutProbeStore {
  const open = (create: boolean) =>
    openDB(name, VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        // Only asking: leave no empty database behind on a device without one.
        if (oldVersion === 0 && !create) {
          // The open then fails with AbortError (caught by the caller); the
          // upgrade transaction's own promise fails too, and is answered here
          // so the page never sees an unhandled rejection.
          tx.done.catch(() => undefined);
          tx.abort();
          return;
        }
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
      },
    });
  return {
    async read() {
      try {
        const db = await open(false);
        try {
          return parseProbe(await db.get(STORE, KEY));
        } finally {
          db.close();
        }
      } catch {
        return null;
      }
    },
    async save(probe) {
      const db = await open(true);
      try {
        await db.put(STORE, plainProbe(probe), KEY);
      } finally {
        db.close();
      }
    },
    async clear() {
      try {
        const db = await open(false);
        try {
          await db.delete(STORE, KEY);
        } finally {
          db.close();
        }
      } catch {
        // No database: nothing to clear.
      }
    },
  };
}

/** The same store in memory (tests, and devices without IndexedDB). */
export function memorySignOutProbe(): SignOutProbeStore & {
  readonly current: SignOutProbe | null;
} {
  let current: SignOutProbe | null = null;
  return {
    get current() {
      return current;
    },
    read: async () => current,
    async save(probe) {
      current = plainProbe(probe);
    },
    async clear() {
      current = null;
    },
  };
}

/** Only the probe's own fields, copied: nothing else ever lands in its plain database. */
function plainProbe(probe: SignOutProbe): SignOutProbe {
  const { serverUrl, tokenHash, signer } = probe;
  return {
    serverUrl,
    tokenHash,
    ...(signer && {
      signer: {
        accountId: signer.accountId,
        sessionId: signer.sessionId,
        signingKey: signer.signingKey,
      },
    }),
  };
}

function parseProbe(value: unknown): SignOutProbe | null {
  if (typeof value !== "object" || value === null) return null;
  const { serverUrl, tokenHash, signer } = value as Record<string, unknown>;
  if (typeof serverUrl !== "string" || typeof tokenHash !== "string") return null;
  const parsed = parseSigner(signer);
  return { serverUrl, tokenHash, ...(parsed && { signer: parsed }) };
}

function parseSigner(value: unknown): SignOutSigner | null {
  if (typeof value !== "object" || value === null) return null;
  const { accountId, sessionId, signingKey } = value as Record<string, unknown>;
  if (typeof accountId !== "string" || typeof sessionId !== "string") return null;
  if (typeof signingKey !== "string") return null;
  return { accountId, sessionId, signingKey };
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
