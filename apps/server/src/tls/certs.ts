/**
 * HTTPS at home: a small certificate authority of this machine's own, and a
 * server certificate it signs for this machine's names and addresses, so a
 * phone on the home network can open Trellis over HTTPS once it trusts the
 * authority (`npm run certs`; the server offers /ca.crt and /trust).
 *
 * Files live in `<dataDir>/tls/` (folder 0700, files 0600): ca.crt, ca.key,
 * server.crt, server.key. The authority lasts ten years; the server
 * certificate 397 days (what Apple devices accept), renewed by
 * `ensureHomeCertificates` when it is within RENEW_WITHIN_DAYS of its end or
 * when the machine's names or addresses changed.
 */
import "reflect-metadata";
import {
  createHash,
  createPrivateKey,
  X509Certificate as NodeX509Certificate,
  randomBytes,
  webcrypto,
} from "node:crypto";
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { networkInterfaces, hostname as osHostname } from "node:os";
import * as x509 from "@peculiar/x509";
import { type HomeTlsFiles, homeTlsFiles } from "./files.ts";

export { type HomeTlsFiles, homeTlsFiles };

// Node's WebCrypto (the library's type names the DOM's Crypto, the same interface).
x509.cryptoProvider.set(webcrypto as never);

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

export const CA_DAYS = 3650;
export const SERVER_DAYS = 397;
export const RENEW_WITHIN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

/** What a server certificate is for: host names and IP addresses. */
export interface CertificateNames {
  readonly dns: readonly string[];
  readonly ips: readonly string[];
}

/** A bad name in TRELLIS_CERT_NAMES (or an argument to `npm run certs`). */
export class CertificateNameError extends Error {
  constructor(readonly value: string) {
    super(
      `"${value}" is not a host name or IP address for the certificate (TRELLIS_CERT_NAMES takes names like trellis.home or 192.168.1.20, separated by commas).`,
    );
    this.name = "CertificateNameError";
  }
}

const DNS_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

function isIp(value: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(value)
    ? value.split(".").every((part) => Number(part) <= 255)
    : /^[0-9a-f:]+$/i.test(value) && value.includes(":");
}

/** Splits a comma- or space-separated list of extra names into DNS names and IPs. */
export function parseExtraNames(text: string | undefined): CertificateNames {
  const dns: string[] = [];
  const ips: string[] = [];
  for (const raw of (text ?? "").split(/[\s,]+/)) {
    const value = raw.trim().toLowerCase();
    if (value === "") continue;
    if (isIp(value)) ips.push(value);
    else if (DNS_NAME.test(value)) dns.push(value);
    else throw new CertificateNameError(raw.trim());
  }
  return { dns, ips };
}

/**
 * This machine's names and addresses: its host name, host name.local (what
 * phones find on the home network by mDNS), localhost, loopback, and every
 * address of a network interface that is up and not internal.
 */
export function machineNames(
  interfaces = networkInterfaces(),
  host = osHostname(),
): CertificateNames {
  const dns = new Set<string>(["localhost"]);
  const name = host.trim().toLowerCase();
  if (DNS_NAME.test(name)) {
    dns.add(name);
    if (!name.endsWith(".local") && !name.includes(".")) dns.add(`${name}.local`);
  }
  const ips = new Set<string>(["127.0.0.1", "::1"]);
  for (const list of Object.values(interfaces)) {
    for (const entry of list ?? []) {
      if (entry.internal) continue;
      // Link-local IPv6 addresses need a zone id a URL can't carry well; skip them.
      if (entry.family === "IPv6" && /^fe80:/i.test(entry.address)) continue;
      ips.add(entry.address.toLowerCase());
    }
  }
  return { dns: [...dns], ips: [...ips] };
}

export function mergeNames(...lists: CertificateNames[]): CertificateNames {
  return {
    dns: [...new Set(lists.flatMap((l) => l.dns))],
    ips: [...new Set(lists.flatMap((l) => l.ips.map((ip) => ip.toLowerCase())))],
  };
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f; // positive
  return bytes.toString("hex");
}

async function exportKeyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", key));
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join("\n")}\n-----END PRIVATE KEY-----\n`;
}

async function importKeyPem(pem: string): Promise<CryptoKey> {
  const body = pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
  return webcrypto.subtle.importKey("pkcs8", Buffer.from(body, "base64"), ALGORITHM, true, [
    "sign",
  ]);
}

interface Authority {
  readonly cert: x509.X509Certificate;
  readonly key: CryptoKey;
}

async function makeAuthority(now: Date): Promise<{ authority: Authority; keyPem: string }> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const host =
    osHostname()
      .replace(/[^A-Za-z0-9 .-]/g, "")
      .slice(0, 40) || "this computer";
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=Trellis home (${host}), O=Trellis`,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + CA_DAYS * DAY_MS),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { authority: { cert, key: keys.privateKey }, keyPem: await exportKeyPem(keys.privateKey) };
}

async function issueServerCertificate(
  authority: Authority,
  names: CertificateNames,
  now: Date,
): Promise<{ certPem: string; keyPem: string }> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const first = names.dns[0] ?? names.ips[0] ?? "localhost";
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${first}`,
    issuer: authority.cert.subject,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + SERVER_DAYS * DAY_MS),
    signingKey: authority.key,
    publicKey: keys.publicKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: "dns" as const, value })),
        ...names.ips.map((value) => ({ type: "ip" as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(authority.cert),
    ],
  });
  return { certPem: cert.toString("pem"), keyPem: await exportKeyPem(keys.privateKey) };
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Writes a file readable by its owner only, replacing any old one in one step. */
async function writePrivate(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, path);
}

/**
 * Whether a certificate and a key belong together. Each file is replaced whole
 * (rename), but the pair is two files: a crash between the two writes leaves
 * a key of one and a certificate of another, which is then made again.
 */
function pairMatches(certPem: string, keyPem: string): boolean {
  try {
    return new NodeX509Certificate(certPem).checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    return false;
  }
}

/** The names a certificate covers, from its Subject Alternative Name. */
export function certificateNames(certPem: string): CertificateNames {
  const cert = new NodeX509Certificate(certPem);
  const dns: string[] = [];
  const ips: string[] = [];
  for (const part of (cert.subjectAltName ?? "").split(/,\s*/)) {
    if (part.startsWith("DNS:")) dns.push(part.slice(4).toLowerCase());
    else if (part.startsWith("IP Address:")) ips.push(normaliseIp(part.slice(11)));
  }
  return { dns, ips };
}

/** IPv6 addresses as Node prints them in a SAN (full form) and as interfaces list them (short) compare equal. */
function normaliseIp(ip: string): string {
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === "" ? [] : tail.split(":");
  const missing = ip.includes("::") ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array(missing).fill("0"), ...right];
  return groups.map((g) => Number.parseInt(g, 16).toString(16)).join(":");
}

function covers(have: CertificateNames, want: CertificateNames): boolean {
  const dns = new Set(have.dns);
  const ips = new Set(have.ips.map(normaliseIp));
  return want.dns.every((n) => dns.has(n)) && want.ips.every((ip) => ips.has(normaliseIp(ip)));
}

/** The SHA-256 of a certificate's public key (SPKI), base64: what Chromium's --ignore-certificate-errors-spki-list takes. */
export function spkiSha256(certPem: string): string {
  const cert = new NodeX509Certificate(certPem);
  const der = cert.publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("base64");
}

export interface HomeCertificates {
  readonly files: HomeTlsFiles;
  readonly caPem: string;
  readonly certPem: string;
  readonly keyPem: string;
  readonly notAfter: Date;
  readonly names: CertificateNames;
  /** What this call did: made the authority, issued a new server certificate, or nothing. */
  readonly made: { authority: boolean; server: boolean };
}

export interface EnsureOptions {
  /** The data folder (the files go in `<dataDir>/tls`). */
  readonly dataDir: string;
  /** Names and addresses the server certificate must cover (default: machineNames()). */
  readonly names?: CertificateNames;
  readonly now?: Date;
  /** Renew the server certificate when it ends within this many days (default 30). */
  readonly renewWithinDays?: number;
  /**
   * Only renew what exists: do not make an authority when there is none
   * (the server at start-up; `npm run certs` makes one).
   */
  readonly existingOnly?: boolean;
}

/**
 * Makes the authority if missing, and a server certificate if missing, ending
 * within `renewWithinDays`, or not covering every name. Returns undefined when
 * `existingOnly` and there is no authority.
 */
export async function ensureHomeCertificates(
  options: EnsureOptions,
): Promise<HomeCertificates | undefined> {
  const files = homeTlsFiles(options.dataDir);
  const now = options.now ?? new Date();
  const names = options.names ?? machineNames();
  const renewMs = (options.renewWithinDays ?? RENEW_WITHIN_DAYS) * DAY_MS;

  let caPem = await readIfPresent(files.caCert);
  const caKeyPem = await readIfPresent(files.caKey);
  if ((caPem === undefined || caKeyPem === undefined) && options.existingOnly) return undefined;

  await mkdir(files.dir, { recursive: true, mode: 0o700 });
  await chmod(files.dir, 0o700);

  let authority: Authority;
  let madeAuthority = false;
  const caEnds = caPem ? new NodeX509Certificate(caPem).validTo : undefined;
  if (
    caPem === undefined ||
    caKeyPem === undefined ||
    caEnds === undefined ||
    !pairMatches(caPem, caKeyPem) ||
    new Date(caEnds).getTime() - now.getTime() < renewMs * 2
  ) {
    const made = await makeAuthority(now);
    authority = made.authority;
    caPem = made.authority.cert.toString("pem");
    await writePrivate(files.caKey, made.keyPem);
    await writePrivate(files.caCert, caPem);
    madeAuthority = true;
  } else {
    authority = { cert: new x509.X509Certificate(caPem), key: await importKeyPem(caKeyPem) };
  }

  let certPem = madeAuthority ? undefined : await readIfPresent(files.cert);
  let keyPem = madeAuthority ? undefined : await readIfPresent(files.key);
  let madeServer = false;
  const needsNew = (() => {
    if (certPem === undefined || keyPem === undefined) return true;
    if (!pairMatches(certPem, keyPem)) return true;
    const cert = new NodeX509Certificate(certPem);
    if (new Date(cert.validTo).getTime() - now.getTime() < renewMs) return true;
    if (!cert.checkIssued(new NodeX509Certificate(caPem))) return true;
    return !covers(certificateNames(certPem), names);
  })();
  if (needsNew) {
    // Keep names it already had (an address seen once, a name added before) as well as the new ones.
    const keep =
      certPem !== undefined && !madeAuthority ? certificateNames(certPem) : { dns: [], ips: [] };
    const all = mergeNames(names, keep);
    const issued = await issueServerCertificate(authority, all, now);
    certPem = issued.certPem;
    keyPem = issued.keyPem;
    await writePrivate(files.key, keyPem);
    await writePrivate(files.cert, certPem);
    madeServer = true;
  }
  const final = certPem as string;
  return {
    files,
    caPem,
    certPem: final,
    keyPem: keyPem as string,
    notAfter: new Date(new NodeX509Certificate(final).validTo),
    names: certificateNames(final),
    made: { authority: madeAuthority, server: madeServer },
  };
}
