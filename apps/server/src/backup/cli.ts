/**
 * `npm run backup [file]` and `npm run restore <file> [--force]`, with the
 * same configuration as `npm start` (TRELLIS_DATA_DIR or TRELLIS_DATABASE_URL,
 * TRELLIS_SECRETS_FILE). See backup.ts for the format.
 */
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { type Config, configOrExit, describeDatabaseUrl } from "../config.ts";
import { openDb, pgliteDir } from "../db/open.ts";
import { DataDirInUseError } from "../db/pglite.ts";
import {
  BackupFileError,
  backupDatabase,
  RestoreTargetNotEmptyError,
  readBackupHeader,
  restoreDatabase,
  SecretsDifferError,
} from "./backup.ts";

function where(config: Config): string {
  return config.databaseUrl === undefined
    ? `the data folder ${config.dataDir}`
    : `the PostgreSQL database ${describeDatabaseUrl(config.databaseUrl)}`;
}

/** Where the command was typed (npm runs scripts in the project folder). */
function from(): string {
  return process.env.INIT_CWD ?? process.cwd();
}

function stamp(now = new Date()): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[:]/g, "-");
}

/** Secrets kept in a file (not given in the environment) belong in the backup. */
function secretsInFile(config: Config): boolean {
  return (
    config.opaqueServerSetup === undefined &&
    config.hmacKey === undefined &&
    config.vapidPrivateKey === undefined
  );
}

function describeCounts(tables: Readonly<Record<string, number>>): string {
  const pick = (name: string) => tables[name] ?? 0;
  return `${pick("accounts")} accounts, ${pick("vaults")} records, ${pick("vault_events")} entries, ${pick("vault_attachments")} attachments`;
}

async function backup(config: Config, args: string[]): Promise<void> {
  const file = resolve(from(), args[0] ?? `backups/trellis-backup-${stamp()}.jsonl.gz`);
  if (config.databaseUrl === undefined && !existsSync(pgliteDir(config))) {
    throw new Error(`There is no Trellis database in ${config.dataDir} to back up.`);
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const secrets =
    secretsInFile(config) && existsSync(config.secretsFile)
      ? await readFile(config.secretsFile, "utf8")
      : undefined;
  const db = await openDb(config);
  try {
    const summary = await backupDatabase(db, file, secrets === undefined ? {} : { secrets });
    console.log(`Backed up ${where(config)} to ${file}`);
    console.log(`(${describeCounts(summary.tables)}; schema ${summary.schemaVersion}).`);
    console.log(
      secrets === undefined
        ? "The server's secrets come from the environment: keep them safe too, a restore needs them."
        : "It holds the server's secrets file too: keep it as safe as the data folder.",
    );
  } finally {
    await db.close();
  }
}

async function restore(config: Config, args: string[]): Promise<void> {
  const force = args.includes("--force");
  const fileArg = args.find((a) => a !== "--force");
  if (fileArg === undefined) {
    throw new Error("Say which backup to restore: npm run restore -- <file> [--force]");
  }
  const file = resolve(from(), fileArg);
  if (!existsSync(file)) throw new Error(`There is no file ${file}.`);
  const header = await readBackupHeader(file);
  // The secrets go with the data: check before changing anything.
  const writeSecrets = typeof header.secrets === "string" && secretsInFile(config);
  if (writeSecrets && existsSync(config.secretsFile)) {
    const current = await readFile(config.secretsFile, "utf8");
    if (current !== header.secrets && !force) {
      throw new SecretsDifferError(config.secretsFile);
    }
  }
  if (config.databaseUrl === undefined)
    await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  // The secrets are written beside the file first and put in place once the
  // database is restored: never data without its secrets, or the other way.
  const secretsTemp = `${config.secretsFile}.restoring`;
  if (writeSecrets) {
    await mkdir(dirname(config.secretsFile), { recursive: true, mode: 0o700 });
    await writeFile(secretsTemp, header.secrets as string, { mode: 0o600 });
    await chmod(secretsTemp, 0o600);
  }
  const db = await openDb(config);
  try {
    const summary = await restoreDatabase(db, file, { force, where: where(config) }).catch(
      async (error: unknown) => {
        await rm(secretsTemp, { force: true });
        throw error;
      },
    );
    if (writeSecrets) await rename(secretsTemp, config.secretsFile);
    console.log(`Restored ${file} into ${where(config)}`);
    console.log(`(${describeCounts(summary.tables)}; made at ${header.createdAt}).`);
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  process.umask(0o077);
  const [command, ...args] = process.argv.slice(2);
  const config = configOrExit();
  try {
    if (command === "backup") await backup(config, args);
    else if (command === "restore") await restore(config, args);
    else throw new Error("Usage: npm run backup [file] | npm run restore -- <file> [--force]");
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(
        `${error.message}\nThe built-in database can be used by one program at a time: stop Trellis (for example \`systemctl stop trellis\`), run this again, then start it. It takes seconds.`,
      );
    } else if (error instanceof BackupFileError || error instanceof RestoreTargetNotEmptyError) {
      console.error(error.message);
    } else {
      console.error((error as Error)?.message ?? String(error));
    }
    process.exit(1);
  }
}

await main();
