/**
 * What `npm start` prints about reaching Trellis from a phone: with HTTPS,
 * the addresses to open and a QR code of the first (to the page on trusting
 * the home certificate when there is one); with plain HTTP on an interface
 * other than loopback, what will not work on a phone and how to fix it.
 */
import { networkInterfaces } from "node:os";
import QRCode from "qrcode";
import { type Config, isLoopbackHost } from "../config.ts";
import { TRUST_PATH } from "./trust-routes.ts";

function isWildcard(host: string): boolean {
  return host === "0.0.0.0" || host === "::" || host === "[::]";
}

/** Addresses other devices can use for this host setting (IPv4 first, then IPv6). */
export function reachableAddresses(host: string, interfaces = networkInterfaces()): string[] {
  if (!isWildcard(host)) return isLoopbackHost(host) ? [] : [host];
  const v4: string[] = [];
  const v6: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const entry of list ?? []) {
      if (entry.internal) continue;
      if (entry.family === "IPv4") v4.push(entry.address);
      else if (host !== "0.0.0.0" && !/^fe80:/i.test(entry.address)) v6.push(entry.address);
    }
  }
  return [...v4, ...v6];
}

function urlOf(address: string, port: number): string {
  return `https://${address.includes(":") ? `[${address}]` : address}:${port}/`;
}

export const PLAIN_HTTP_WARNING = (host: string, port: number) =>
  [
    "",
    `Trellis is reachable on your network (HOST=${host}) over plain HTTP.`,
    "On a phone, plain HTTP is not a secure context, so these will not work there:",
    "  - working offline and installing Trellis to the home screen (no service worker)",
    "  - reminders (Web Push)",
    "  - unlocking with the phone's own lock (WebAuthn)",
    "  - the encryption Trellis does in the browser (crypto.subtle)",
    "To fix it:",
    `  - at home: run \`npm run certs\`, then \`HOST=${host} PORT=${port} npm start\` again, and open the address it prints on the phone;`,
    "  - on a server: put Trellis behind Caddy for automatic HTTPS (docs/deploy.md);",
    "  - or set TRELLIS_TLS_CERT and TRELLIS_TLS_KEY to a certificate and key you already have.",
    "",
  ].join("\n");

/** The lines to print at start-up about phones (may be empty). */
export async function phoneNotes(
  config: Pick<Config, "host" | "tls">,
  port: number,
  interfaces = networkInterfaces(),
): Promise<string> {
  if (config.tls === undefined) {
    return isLoopbackHost(config.host) ? "" : PLAIN_HTTP_WARNING(config.host, port);
  }
  const addresses = reachableAddresses(config.host, interfaces);
  if (addresses.length === 0) {
    return isLoopbackHost(config.host)
      ? "HTTPS is on, for this computer only. To open Trellis on your phone, start it with HOST=0.0.0.0.\n"
      : "";
  }
  const first = urlOf(addresses[0]!, port);
  const target = config.tls.source === "home" ? `${first.slice(0, -1)}${TRUST_PATH}` : first;
  const qr = await QRCode.toString(target, {
    type: "terminal",
    small: true,
    errorCorrectionLevel: "M",
  });
  const lines = [
    "",
    "On your phone (same network), open:",
    ...addresses.map((a) => `  ${urlOf(a, port)}`),
  ];
  if (config.tls.source === "home") {
    lines.push(
      "The first time, the phone needs to trust this computer's certificate: scan the code",
      `below, or open ${target}, and follow the steps there.`,
    );
  } else {
    lines.push("Or scan this code:");
  }
  return `${lines.join("\n")}\n${qr}`;
}
