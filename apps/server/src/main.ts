/**
 * `npm start` entry point: read the config, start the server, print one line,
 * stop cleanly on Ctrl+C / SIGTERM (a second signal exits at once).
 */

import { InvalidServerSetupError, SecretsMismatchError } from "./auth/secrets.ts";
import { SecretsFileError } from "./auth/secrets-file.ts";
import { type Config, configOrExit, describeDatabaseUrl } from "./config.ts";
import { SchemaTooNewError } from "./db/migrations.ts";
import { DataDirInUseError } from "./db/pglite.ts";
import { InvalidVapidKeyError } from "./push/vapid.ts";
import { type RunningServer, startServer, TlsSetupError } from "./server.ts";
import { phoneNotes } from "./tls/startup-notes.ts";

const SHUTDOWN_TIMEOUT_MS = 10_000;

function describeStartupError(error: unknown, config: Config): string {
  if (
    error instanceof DataDirInUseError ||
    error instanceof SchemaTooNewError ||
    error instanceof InvalidServerSetupError ||
    error instanceof InvalidVapidKeyError ||
    error instanceof SecretsMismatchError ||
    error instanceof SecretsFileError ||
    error instanceof TlsSetupError
  ) {
    return error.message;
  }
  const e = error as NodeJS.ErrnoException & { syscall?: string };
  if (e?.syscall === "listen" && e.code === "EADDRINUSE") {
    return `Port ${config.port} on ${config.host} is already in use. Stop the other program or set PORT to a free port.`;
  }
  if (e?.syscall === "listen" && e.code === "EACCES") {
    return `Not allowed to listen on port ${config.port}. Set PORT to a number above 1023.`;
  }
  if (config.databaseUrl !== undefined) {
    return `Could not use the PostgreSQL database at ${describeDatabaseUrl(config.databaseUrl)} (TRELLIS_DATABASE_URL): ${e?.message ?? String(error)}`;
  }
  return `Trellis could not start: ${e?.stack ?? String(error)}`;
}

async function main(): Promise<void> {
  const config = configOrExit();

  // Everything the server writes (secrets file, PGlite's files, the lock
  // file) is readable by its owner only: files 0600, directories 0700.
  process.umask(0o077);

  let server: RunningServer;
  try {
    server = await startServer(config);
  } catch (error) {
    console.error(describeStartupError(error, config));
    // A TRELLIS_OPAQUE_SERVER_SETUP that is well-formed but not a setup is bad configuration too.
    const badSetting =
      (error instanceof InvalidServerSetupError && config.opaqueServerSetup !== undefined) ||
      (error instanceof InvalidVapidKeyError && config.vapidPrivateKey !== undefined) ||
      (error instanceof TlsSetupError && config.tls?.source === "env");
    process.exit(badSetting ? 2 : 1);
  }

  const where =
    config.databaseUrl === undefined ? config.dataDir : describeDatabaseUrl(config.databaseUrl);
  console.log(`Trellis is running at ${server.url} (data in ${where}, storage: ${server.db.kind})`);
  const notes = await phoneNotes(config, server.port).catch(() => "");
  if (notes !== "") {
    (config.tls === undefined ? console.warn : console.log)(notes);
  }

  let stopping = false;
  const stop = () => {
    if (stopping) {
      console.error("Stopping immediately.");
      process.exit(1);
    }
    stopping = true;
    setTimeout(() => {
      console.error(`Trellis did not stop within ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting anyway.`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Trellis did not stop cleanly:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

await main();
