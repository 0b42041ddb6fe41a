/**
 * The server's own secrets, never kept in the database:
 * - the OPAQUE server setup (its long-term key pair and OPRF seed);
 * - an HMAC key for values the server derives but must not store in the
 *   clear or make guessable (fake recovery answers, rate-limit keys);
 * - the VAPID key pair of the push relay (P-256, push/vapid.ts).
 *
 * Each comes from the environment (TRELLIS_OPAQUE_SERVER_SETUP,
 * TRELLIS_HMAC_KEY, TRELLIS_VAPID_PRIVATE_KEY) or from the secrets file (TRELLIS_SECRETS_FILE, by
 * default `<data dir>/secrets.json`, 0600), made on first start. A database
 * from an older server kept them in `server_secrets`: they are moved out to
 * the file on first start and deleted from the table.
 *
 * The table keeps only checks that are safe to copy (the OPAQUE and VAPID
 * public keys and an HMAC of a fixed label): an instance started with other secrets than
 * the ones the database was used with refuses to start, instead of locking
 * everyone out.
 */
import { createHmac, randomBytes } from "node:crypto";
import * as opaque from "@serenity-kit/opaque";
import type { Queryable } from "../db/types.ts";
import {
  generateVapidKeys,
  InvalidVapidKeyError,
  type VapidKeys,
  vapidKeysFrom,
} from "../push/vapid.ts";
import { readSecretsFile, type StoredSecrets, writeSecretsFile } from "./secrets-file.ts";

export interface ServerSecrets {
  readonly opaqueServerSetup: string;
  readonly hmacKey: Buffer;
  /** The push relay's VAPID key pair. */
  readonly vapid: VapidKeys;
}

/** Where the secrets come from (the configuration). */
export interface SecretsSource {
  /** The secrets file; undefined keeps made secrets in memory only (tests). */
  readonly file?: string | undefined;
  /** TRELLIS_OPAQUE_SERVER_SETUP. */
  readonly opaqueServerSetup?: string | undefined;
  /** TRELLIS_HMAC_KEY (32 bytes, base64url). */
  readonly hmacKey?: string | undefined;
  /** TRELLIS_VAPID_PRIVATE_KEY (32 bytes, base64url). */
  readonly vapidPrivateKey?: string | undefined;
}

const LEGACY_OPAQUE_SETUP = "opaque-server-setup";
const LEGACY_HMAC_KEY = "hmac-key";
const CHECK_OPAQUE_PUBLIC_KEY = "check-opaque-public-key";
const CHECK_HMAC = "check-hmac-key";
const CHECK_VAPID_PUBLIC_KEY = "check-vapid-public-key";

export class InvalidServerSetupError extends Error {
  constructor(source: "TRELLIS_OPAQUE_SERVER_SETUP" | "secrets file") {
    super(
      source === "secrets file"
        ? "The OPAQUE server setup in the secrets file is not valid; restore the file from a backup."
        : "TRELLIS_OPAQUE_SERVER_SETUP is not a valid OPAQUE server setup. Create one with `npx @serenity-kit/opaque create-server-setup`.",
    );
    this.name = "InvalidServerSetupError";
  }
}

type SecretName = "OPAQUE server setup" | "HMAC key" | "VAPID key";

/** The database was used with other secrets than this instance has. */
export class SecretsMismatchError extends Error {
  constructor(which: SecretName) {
    super(
      `This database was used with another ${which} than this server has. Give every server on ` +
        "one database the same secrets (the same secrets file, or TRELLIS_OPAQUE_SERVER_SETUP, " +
        "TRELLIS_HMAC_KEY and TRELLIS_VAPID_PRIVATE_KEY); with other ones nobody could sign in " +
        "(or reminders would not reach devices subscribed through another instance).",
    );
    this.name = "SecretsMismatchError";
  }
}

async function legacySecrets(db: Queryable): Promise<StoredSecrets> {
  const { rows } = await db.query<{ name: string; value: string }>(
    "SELECT name, value FROM server_secrets WHERE name = ANY($1::text[])",
    [[LEGACY_OPAQUE_SETUP, LEGACY_HMAC_KEY]],
  );
  const byName = new Map(rows.map((row) => [row.name, row.value]));
  const opaqueServerSetup = byName.get(LEGACY_OPAQUE_SETUP);
  const hmacKey = byName.get(LEGACY_HMAC_KEY);
  return {
    ...(opaqueServerSetup === undefined ? {} : { opaqueServerSetup }),
    ...(hmacKey === undefined ? {} : { hmacKey }),
  };
}

/** Records `value` under `name` unless a value is there; throws if the one there differs. */
async function checkOrRecord(
  db: Queryable,
  name: string,
  value: string,
  which: SecretName,
): Promise<void> {
  await db.query(
    "INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
    [name, value],
  );
  const { rows } = await db.query<{ value: string }>(
    "SELECT value FROM server_secrets WHERE name = $1",
    [name],
  );
  if (rows[0]?.value !== value) throw new SecretsMismatchError(which);
}

/**
 * Loads (or makes, on first start) the secrets; moves secrets an older
 * server kept in the database out to the file and deletes them there.
 */
export async function loadServerSecrets(
  db: Queryable,
  source: SecretsSource = {},
): Promise<ServerSecrets> {
  await opaque.ready;
  const legacy = await legacySecrets(db);
  const stored = source.file === undefined ? undefined : await readSecretsFile(source.file);
  const fromFile = (name: keyof StoredSecrets): string | undefined =>
    stored?.[name] ?? legacy[name];
  const hmacText = source.hmacKey ?? fromFile("hmacKey") ?? randomBytes(32).toString("base64url");
  const opaqueServerSetup =
    source.opaqueServerSetup ?? fromFile("opaqueServerSetup") ?? opaque.server.createSetup();
  let publicKey: string;
  try {
    publicKey = opaque.server.getPublicKey(opaqueServerSetup);
  } catch {
    // The library's message could quote part of the setup: never pass it on.
    throw new InvalidServerSetupError(
      source.opaqueServerSetup === undefined ? "secrets file" : "TRELLIS_OPAQUE_SERVER_SETUP",
    );
  }
  const hmacKey = Buffer.from(hmacText, "base64url");
  const vapidText = source.vapidPrivateKey ?? stored?.vapidPrivateKey;
  let vapid: VapidKeys;
  try {
    vapid = vapidText === undefined ? generateVapidKeys() : vapidKeysFrom(vapidText);
  } catch {
    throw new InvalidVapidKeyError(
      source.vapidPrivateKey === undefined ? "secrets file" : "TRELLIS_VAPID_PRIVATE_KEY",
    );
  }

  // What the file must hold: every secret not given by the environment.
  const wanted: StoredSecrets = {
    ...(source.opaqueServerSetup === undefined ? { opaqueServerSetup } : {}),
    ...(source.hmacKey === undefined ? { hmacKey: hmacText } : {}),
    ...(source.vapidPrivateKey === undefined ? { vapidPrivateKey: vapid.privateKeyText } : {}),
  };
  const fileIsComplete =
    stored !== undefined &&
    stored.opaqueServerSetup === wanted.opaqueServerSetup &&
    stored.hmacKey === wanted.hmacKey &&
    stored.vapidPrivateKey === wanted.vapidPrivateKey;
  if (source.file !== undefined && !fileIsComplete && Object.keys(wanted).length > 0) {
    await writeSecretsFile(source.file, { ...stored, ...wanted });
  }

  const secrets = { opaqueServerSetup, hmacKey, vapid };
  await checkOrRecord(db, CHECK_OPAQUE_PUBLIC_KEY, publicKey, "OPAQUE server setup");
  await checkOrRecord(
    db,
    CHECK_VAPID_PUBLIC_KEY,
    vapid.publicKey.toString("base64url"),
    "VAPID key",
  );
  await checkOrRecord(
    db,
    CHECK_HMAC,
    serverHmac(secrets, "secrets-check", "v1").toString("base64url"),
    "HMAC key",
  );
  // Only once they are safe in the file (or given by the environment).
  const safe = source.file !== undefined || Object.keys(wanted).length === 0;
  if (safe) {
    await db.query("DELETE FROM server_secrets WHERE name = ANY($1::text[])", [
      [LEGACY_OPAQUE_SETUP, LEGACY_HMAC_KEY],
    ]);
  }
  return secrets;
}

/** HMAC-SHA256 of `label|value` under the server's key: stable, unguessable without the key. */
export function serverHmac(
  secrets: Pick<ServerSecrets, "hmacKey">,
  label: string,
  value: string,
): Buffer {
  return createHmac("sha256", secrets.hmacKey).update(`${label}|${value}`).digest();
}

/** Secrets made in memory, for tests that share one set across several apps. */
export async function makeServerSecrets(): Promise<ServerSecrets> {
  await opaque.ready;
  return {
    opaqueServerSetup: opaque.server.createSetup(),
    hmacKey: randomBytes(32),
    vapid: generateVapidKeys(),
  };
}
