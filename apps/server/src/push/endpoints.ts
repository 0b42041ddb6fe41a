/**
 * Which push endpoints the relay will send to: HTTPS on the push services
 * browsers use (FCM for Chrome, Edge on Android and most others; Mozilla;
 * Apple; Windows), and hosts the operator adds (TRELLIS_PUSH_ALLOW_HOSTS).
 * Anything else is refused, so the server cannot be made to POST to
 * arbitrary addresses (its own network, say).
 */
import { isLoopbackHost } from "../config.ts";

/** Exact hosts, and `*.` suffixes, of the known push services. */
export const KNOWN_PUSH_HOSTS: readonly string[] = [
  "fcm.googleapis.com",
  "updates.push.services.mozilla.com",
  "*.push.services.mozilla.com",
  "web.push.apple.com",
  "*.push.apple.com",
  "*.notify.windows.com",
];

function matches(host: string, pattern: string): boolean {
  if (pattern.startsWith("*."))
    return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

/** The endpoint as a URL, or why it is refused (a sentence starting after "endpoint"). */
export function checkPushEndpoint(
  text: string,
  allowHosts: readonly string[],
): { ok: true; url: URL } | { ok: false; problem: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      problem: "must be an absolute https URL (the push subscription's endpoint).",
    };
  }
  if (url.username !== "" || url.password !== "") {
    return { ok: false, problem: "must not carry a user name or password." };
  }
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const added = allowHosts.some((pattern) => matches(host, pattern));
  const known = KNOWN_PUSH_HOSTS.some((pattern) => matches(host, pattern));
  if (!known && !added) {
    return {
      ok: false,
      problem:
        "is not on a known push service (FCM, Mozilla, Apple or Windows); the server's operator can allow more hosts with TRELLIS_PUSH_ALLOW_HOSTS.",
    };
  }
  if (url.protocol === "https:") {
    if (known && !added && url.port !== "") {
      return { ok: false, problem: "must use the push service's standard port." };
    }
    return { ok: true, url };
  }
  if (url.protocol === "http:" && added && isLoopbackHost(host)) return { ok: true, url };
  return { ok: false, problem: "must be an https URL." };
}
