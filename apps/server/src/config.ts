/**
 * Server configuration: read from the environment, parsed and validated here
 * and nowhere else. Every other module receives a `Config` value.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type PushConfig, readPushConfig } from "./push/config.ts";
import { type Quotas, readQuotas } from "./quotas/config.ts";
import { homeTlsFiles } from "./tls/files.ts";

/** HTTPS: a certificate chain and its private key, PEM files. */
export interface TlsConfig {
  readonly certFile: string;
  readonly keyFile: string;
  /**
   * "env": TRELLIS_TLS_CERT and TRELLIS_TLS_KEY. "home": the files
   * `npm run certs` made in `<dataDir>/tls`, which the server renews itself
   * and whose authority it offers at /ca.crt.
   */
  readonly source: "env" | "home";
}

export interface Config {
  /** TCP port to listen on. 0 lets the OS pick a free port. */
  readonly port: number;
  /** Interface to listen on. Defaults to loopback so nothing is exposed by accident. */
  readonly host: string;
  /** Absolute path of the data directory (PGlite lives in `<dataDir>/pglite`). */
  readonly dataDir: string;
  /** PostgreSQL connection string; when undefined the embedded PGlite is used. */
  readonly databaseUrl: string | undefined;
  /** Absolute path of the built web app (the folder holding `index.html`). */
  readonly webDir: string;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /**
   * The OPAQUE server setup (its long-term keys), from
   * TRELLIS_OPAQUE_SERVER_SETUP. When undefined, one is generated on first
   * start and kept in the secrets file.
   */
  readonly opaqueServerSetup: string | undefined;
  /** The HMAC key (TRELLIS_HMAC_KEY); when undefined, kept in the secrets file. */
  readonly hmacKey: string | undefined;
  /** The VAPID private key (TRELLIS_VAPID_PRIVATE_KEY); when undefined, kept in the secrets file. */
  readonly vapidPrivateKey: string | undefined;
  /** The push relay: VAPID contact, extra push hosts (TRELLIS_PUSH_*). */
  readonly push: PushConfig;
  /** The secrets file (TRELLIS_SECRETS_FILE, default `<dataDir>/secrets.json`), 0600, never the database. */
  readonly secretsFile: string;
  /** Quotas per vault, account and session (TRELLIS_QUOTA_*). */
  readonly quotas: Quotas;
  /**
   * Which proxies to trust for the client address (X-Forwarded-For), from
   * TRELLIS_TRUST_PROXY; rate limits per address need the real one.
   * false: none (the server is reached directly). true: any. A number: that
   * many hops. A list: those proxy addresses or CIDR ranges.
   */
  readonly trustProxy: boolean | number | readonly string[];
  /**
   * A device's session ends after this many seconds without a request
   * (TRELLIS_SESSION_IDLE_DAYS, in days).
   */
  readonly sessionIdleSeconds: number;
  /**
   * A session ends this many seconds after sign-in however much it is used
   * (TRELLIS_SESSION_MAX_DAYS, in days). Never shorter than the idle limit.
   */
  readonly sessionMaxAgeSeconds: number;
  /**
   * HTTPS (HTTP/2 with HTTP/1.1 fallback) when set: TRELLIS_TLS_CERT and
   * TRELLIS_TLS_KEY, or else the home certificates from `npm run certs`.
   * Undefined: plain HTTP.
   */
  readonly tls: TlsConfig | undefined;
}

export const DEFAULT_PORT = 4310;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
export const DEFAULT_SESSION_IDLE_DAYS = 30;
export const DEFAULT_SESSION_MAX_DAYS = 180;
const MAX_SESSION_DAYS = 3650;
const DAY_SECONDS = 24 * 60 * 60;
const MIN_MAX_BODY_BYTES = 1024;
const MAX_MAX_BODY_BYTES = 1024 * 1024 * 1024;

/** The built web app, resolved from this file's location (apps/server/src -> apps/web/dist). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** A configuration problem. `message` names every offending variable. */
export class ConfigError extends Error {
  readonly problems: readonly { variable: string; message: string }[];

  constructor(problems: readonly { variable: string; message: string }[]) {
    super(
      problems.length === 1
        ? `Invalid configuration: ${problems[0]!.message}`
        : `Invalid configuration:\n${problems.map((p) => `  - ${p.message}`).join("\n")}`,
    );
    this.name = "ConfigError";
    this.problems = problems;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** An empty string counts as unset, so `FOO=` in an env file means "use the default". */
function read(env: Env, name: string): string | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function parseInteger(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * The configuration for a command run from a shell (the server, the backup
 * tool): a bad variable is said in words, and the process ends with code 2.
 */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/**
 * Reads the configuration from `env` (default: `process.env`). Relative paths
 * are resolved against `cwd` (default: `process.cwd()`).
 * Throws `ConfigError` naming each bad variable.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const problems: { variable: string; message: string }[] = [];
  const problem = (variable: string, message: string) => problems.push({ variable, message });

  let port = DEFAULT_PORT;
  const portText = read(env, "PORT");
  if (portText !== undefined) {
    const parsed = parseInteger(portText);
    if (parsed === undefined || parsed > 65535) {
      problem("PORT", `PORT must be a whole number from 0 to 65535 (got "${portText}").`);
    } else {
      port = parsed;
    }
  }

  let host = DEFAULT_HOST;
  const hostText = read(env, "HOST");
  if (hostText !== undefined) {
    if (/[\s/?#@]/.test(hostText)) {
      problem(
        "HOST",
        `HOST must be a host name or IP address such as 127.0.0.1 or 0.0.0.0 (got "${hostText}").`,
      );
    } else {
      host = hostText;
    }
  }

  const dataDirText = read(env, "TRELLIS_DATA_DIR") ?? "./data";
  const dataDir = isAbsolute(dataDirText) ? resolve(dataDirText) : resolve(cwd, dataDirText);

  let databaseUrl: string | undefined;
  const urlText = read(env, "TRELLIS_DATABASE_URL");
  if (urlText !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(urlText);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || !["postgres:", "postgresql:"].includes(parsed.protocol)) {
      // Never echo the value: it may contain a password.
      problem(
        "TRELLIS_DATABASE_URL",
        "TRELLIS_DATABASE_URL must be a PostgreSQL connection URL such as postgres://user@host:5432/trellis (leave it unset to use the built-in database).",
      );
    } else {
      databaseUrl = urlText;
    }
  }

  const webDirText = read(env, "TRELLIS_WEB_DIR");
  const webDir =
    webDirText === undefined
      ? DEFAULT_WEB_DIR
      : isAbsolute(webDirText)
        ? resolve(webDirText)
        : resolve(cwd, webDirText);

  let maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  const maxBodyText = read(env, "TRELLIS_MAX_BODY_BYTES");
  if (maxBodyText !== undefined) {
    const parsed = parseInteger(maxBodyText);
    if (parsed === undefined || parsed < MIN_MAX_BODY_BYTES || parsed > MAX_MAX_BODY_BYTES) {
      problem(
        "TRELLIS_MAX_BODY_BYTES",
        `TRELLIS_MAX_BODY_BYTES must be a whole number of bytes from ${MIN_MAX_BODY_BYTES} to ${MAX_MAX_BODY_BYTES} (got "${maxBodyText}").`,
      );
    } else {
      maxBodyBytes = parsed;
    }
  }

  let opaqueServerSetup: string | undefined;
  const setupText = read(env, "TRELLIS_OPAQUE_SERVER_SETUP");
  if (setupText !== undefined) {
    // Never echo the value: it is the server's private key.
    if (!/^[A-Za-z0-9_-]{100,400}$/.test(setupText)) {
      problem(
        "TRELLIS_OPAQUE_SERVER_SETUP",
        "TRELLIS_OPAQUE_SERVER_SETUP must be an OPAQUE server setup as printed by `npx @serenity-kit/opaque create-server-setup` (171 base64url characters); leave it unset to keep one in the secrets file.",
      );
    } else {
      opaqueServerSetup = setupText;
    }
  }

  let hmacKey: string | undefined;
  const hmacText = read(env, "TRELLIS_HMAC_KEY");
  if (hmacText !== undefined) {
    // Never echo the value.
    if (!/^[A-Za-z0-9_-]{43}$/.test(hmacText)) {
      problem(
        "TRELLIS_HMAC_KEY",
        "TRELLIS_HMAC_KEY must be 32 random bytes as unpadded base64url (43 characters), e.g. from `node -e \"console.log(crypto.randomBytes(32).toString('base64url'))\"`; leave it unset to keep one in the secrets file.",
      );
    } else {
      hmacKey = hmacText;
    }
  }

  const secretsText = read(env, "TRELLIS_SECRETS_FILE");
  const secretsFile =
    secretsText === undefined
      ? join(dataDir, "secrets.json")
      : isAbsolute(secretsText)
        ? resolve(secretsText)
        : resolve(cwd, secretsText);

  const quotas = readQuotas(env, problem);
  const { vapidPrivateKey, ...push } = readPushConfig((name) => read(env, name), problem);

  let trustProxy: boolean | number | readonly string[] = false;
  const trustText = read(env, "TRELLIS_TRUST_PROXY");
  if (trustText !== undefined) {
    const lower = trustText.toLowerCase();
    const list = trustText.split(",").map((part) => part.trim());
    if (lower === "false" || lower === "0") {
      trustProxy = false;
    } else if (lower === "true") {
      trustProxy = true;
    } else if (/^\d{1,2}$/.test(trustText)) {
      trustProxy = Number(trustText);
    } else if (list.every((part) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(part))) {
      trustProxy = list;
    } else {
      problem(
        "TRELLIS_TRUST_PROXY",
        `TRELLIS_TRUST_PROXY must be false, true, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges (got "${trustText}").`,
      );
    }
  }

  const days = (variable: string, fallback: number): number => {
    const text = read(env, variable);
    if (text === undefined) return fallback;
    const parsed = parseInteger(text);
    if (parsed === undefined || parsed < 1 || parsed > MAX_SESSION_DAYS) {
      problem(
        variable,
        `${variable} must be a whole number of days from 1 to ${MAX_SESSION_DAYS} (got "${text}").`,
      );
      return fallback;
    }
    return parsed;
  };
  const idleDays = days("TRELLIS_SESSION_IDLE_DAYS", DEFAULT_SESSION_IDLE_DAYS);
  const maxDays = days("TRELLIS_SESSION_MAX_DAYS", DEFAULT_SESSION_MAX_DAYS);
  if (problems.length === 0 && idleDays > maxDays) {
    problem(
      "TRELLIS_SESSION_IDLE_DAYS",
      `TRELLIS_SESSION_IDLE_DAYS (${idleDays}) must not be longer than TRELLIS_SESSION_MAX_DAYS (${maxDays}).`,
    );
  }

  const tls = readTls(env, cwd, dataDir, problem);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    webDir,
    maxBodyBytes,
    opaqueServerSetup,
    hmacKey,
    vapidPrivateKey,
    push,
    secretsFile,
    quotas,
    trustProxy,
    sessionIdleSeconds: idleDays * DAY_SECONDS,
    sessionMaxAgeSeconds: maxDays * DAY_SECONDS,
    tls,
  };
}

function readTls(
  env: Env,
  cwd: string,
  dataDir: string,
  problem: (variable: string, message: string) => void,
): TlsConfig | undefined {
  const certText = read(env, "TRELLIS_TLS_CERT");
  const keyText = read(env, "TRELLIS_TLS_KEY");
  if (certText === undefined && keyText === undefined) {
    const home = homeTlsFiles(dataDir);
    return existsSync(home.cert) && existsSync(home.key)
      ? { certFile: home.cert, keyFile: home.key, source: "home" }
      : undefined;
  }
  if (certText === undefined || keyText === undefined) {
    const missing = certText === undefined ? "TRELLIS_TLS_CERT" : "TRELLIS_TLS_KEY";
    problem(
      missing,
      "TRELLIS_TLS_CERT and TRELLIS_TLS_KEY go together: set both (the certificate chain and its private key, PEM files) or neither.",
    );
    return undefined;
  }
  const certFile = isAbsolute(certText) ? resolve(certText) : resolve(cwd, certText);
  const keyFile = isAbsolute(keyText) ? resolve(keyText) : resolve(cwd, keyText);
  let ok = true;
  for (const [variable, file] of [
    ["TRELLIS_TLS_CERT", certFile],
    ["TRELLIS_TLS_KEY", keyFile],
  ] as const) {
    if (!existsSync(file)) {
      problem(variable, `${variable} names ${file}, which does not exist.`);
      ok = false;
    }
  }
  return ok ? { certFile, keyFile, source: "env" } : undefined;
}

/** Loopback: reachable from this computer only, where plain HTTP is a secure context. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** A connection URL with user name and password removed, safe to print. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}
