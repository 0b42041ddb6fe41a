/**
 * The server's own secrets, made on first start and kept in `server_secrets`
 * so every instance on one database shares them:
 * - the OPAQUE server setup (its long-term key pair and OPRF seed), unless
 *   TRELLIS_OPAQUE_SERVER_SETUP provides one;
 * - an HMAC key for values the server derives but must not store in the
 *   clear or make guessable (fake recovery answers, rate-limit keys).
 */
import { createHmac, randomBytes } from "node:crypto";
import * as opaque from "@serenity-kit/opaque";
import type { Queryable } from "../db/types.ts";

export interface ServerSecrets {
  readonly opaqueServerSetup: string;
  readonly hmacKey: Buffer;
}

const OPAQUE_SETUP = "opaque-server-setup";
const HMAC_KEY = "hmac-key";

/** Inserts `make()` under `name` unless a value is there already (another instance may race us), then reads it. */
async function getOrCreate(db: Queryable, name: string, make: () => string): Promise<string> {
  await db.query(
    "INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
    [name, make()],
  );
  const { rows } = await db.query<{ value: string }>(
    "SELECT value FROM server_secrets WHERE name = $1",
    [name],
  );
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`The server secret ${name} could not be stored.`);
  return value;
}

export class InvalidServerSetupError extends Error {
  constructor(source: "TRELLIS_OPAQUE_SERVER_SETUP" | "database") {
    super(
      source === "database"
        ? "The OPAQUE server setup stored in the database (server_secrets) is not valid."
        : "TRELLIS_OPAQUE_SERVER_SETUP is not a valid OPAQUE server setup. Create one with `npx @serenity-kit/opaque create-server-setup`.",
    );
    this.name = "InvalidServerSetupError";
  }
}

export async function loadServerSecrets(
  db: Queryable,
  configuredSetup: string | undefined,
): Promise<ServerSecrets> {
  await opaque.ready;
  const hmacKey = Buffer.from(
    await getOrCreate(db, HMAC_KEY, () => randomBytes(32).toString("base64url")),
    "base64url",
  );
  const opaqueServerSetup =
    configuredSetup ?? (await getOrCreate(db, OPAQUE_SETUP, () => opaque.server.createSetup()));
  try {
    opaque.server.getPublicKey(opaqueServerSetup);
  } catch {
    // The library's message could quote part of the setup: never pass it on.
    throw new InvalidServerSetupError(
      configuredSetup === undefined ? "database" : "TRELLIS_OPAQUE_SERVER_SETUP",
    );
  }
  return { opaqueServerSetup, hmacKey };
}

/** HMAC-SHA256 of `label|value` under the server's key: stable, unguessable without the key. */
export function serverHmac(secrets: ServerSecrets, label: string, value: string): Buffer {
  return createHmac("sha256", secrets.hmacKey).update(`${label}|${value}`).digest();
}
