/**
 * The secrets file: the server's own secrets as JSON, readable by its owner
 * only (0600, in a 0700 directory), never in the database. Written once,
 * atomically (a temporary file renamed into place), never rewritten in place.
 */
import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";

export interface StoredSecrets {
  readonly opaqueServerSetup?: string;
  readonly hmacKey?: string;
  /** The VAPID private key (push relay), 32 bytes, unpadded base64url. */
  readonly vapidPrivateKey?: string;
}

export class SecretsFileError extends Error {
  constructor(file: string, problem: string) {
    super(`The secrets file ${file} ${problem}`);
    this.name = "SecretsFileError";
  }
}

/** The file's secrets, or undefined when there is no file yet. A file others may read is made 0600 first. */
export async function readSecretsFile(file: string): Promise<StoredSecrets | undefined> {
  let text: string;
  try {
    const info = await stat(file);
    if ((info.mode & 0o077) !== 0) await chmod(file, 0o600);
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Never quote the content: it is a secret.
    throw new SecretsFileError(file, "is not valid JSON; restore it from a backup.");
  }
  const value = parsed as Record<string, unknown> | null;
  const field = (name: string): string | undefined => {
    const v = value?.[name];
    if (v === undefined) return undefined;
    if (typeof v !== "string" || !/^[A-Za-z0-9_-]+$/.test(v)) {
      throw new SecretsFileError(file, `has a malformed ${name}; restore it from a backup.`);
    }
    return v;
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SecretsFileError(file, "must hold a JSON object; restore it from a backup.");
  }
  const opaqueServerSetup = field("opaqueServerSetup");
  const hmacKey = field("hmacKey");
  const vapidPrivateKey = field("vapidPrivateKey");
  return {
    ...(opaqueServerSetup === undefined ? {} : { opaqueServerSetup }),
    ...(hmacKey === undefined ? {} : { hmacKey }),
    ...(vapidPrivateKey === undefined ? {} : { vapidPrivateKey }),
  };
}

/** Writes the file (0600; its directory made 0700 if new) atomically. */
export async function writeSecretsFile(file: string, secrets: StoredSecrets): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temporary = join(dir, `.secrets-${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx", 0o600);
  try {
    await handle.writeFile(`${JSON.stringify({ version: 1, ...secrets }, null, 2)}\n`);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, file);
}
