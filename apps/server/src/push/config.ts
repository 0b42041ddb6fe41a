/**
 * The push relay's settings, read from the environment here (config.ts
 * calls `readPushConfig`): the VAPID contact, the extra push hosts allowed,
 * and the VAPID private key when the operator gives it.
 */

export interface PushConfig {
  /**
   * The VAPID `sub` claim: how a push service can reach the operator
   * (TRELLIS_PUSH_CONTACT, `mailto:` or `https:`).
   */
  readonly contact: string;
  /**
   * Hosts allowed as push endpoints besides the known push services
   * (TRELLIS_PUSH_ALLOW_HOSTS). `name` allows that host, `*.name` its
   * subdomains; a loopback one may also be plain http (a local mock in tests).
   */
  readonly allowHosts: readonly string[];
}

/**
 * Apple's push service refuses a JWT whose contact does not resolve
 * (`localhost`, `.local`, `.invalid`, ...): a real address belongs here.
 */
export const DEFAULT_PUSH_CONTACT = "mailto:trellis-push@example.org";

export const DEFAULT_PUSH_CONFIG: PushConfig = { contact: DEFAULT_PUSH_CONTACT, allowHosts: [] };

const UNRESOLVABLE = /(^|\.)(localhost|local|invalid|test|example|internal)$/i;
const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV6 = /^\[?[0-9a-f:.]+\]?$/;

type Problem = (variable: string, message: string) => void;

function contactHost(contact: string): string | undefined {
  try {
    const url = new URL(contact);
    if (url.protocol === "https:") return url.hostname;
    if (url.protocol === "mailto:") {
      const at = url.pathname.lastIndexOf("@");
      return at > 0 ? url.pathname.slice(at + 1) : undefined;
    }
  } catch {
    // not a URL
  }
  return undefined;
}

export function readPushConfig(
  read: (name: string) => string | undefined,
  problem: Problem,
): PushConfig & { vapidPrivateKey: string | undefined } {
  let contact = DEFAULT_PUSH_CONTACT;
  const contactText = read("TRELLIS_PUSH_CONTACT");
  if (contactText !== undefined) {
    const host = contactHost(contactText);
    if (host === undefined || host === "" || UNRESOLVABLE.test(host)) {
      problem(
        "TRELLIS_PUSH_CONTACT",
        `TRELLIS_PUSH_CONTACT must be a mailto: or https: address on a real domain, like mailto:admin@your-domain.org (got "${contactText}"); push services such as Apple's refuse localhost, .local and .invalid.`,
      );
    } else {
      contact = contactText;
    }
  }

  const allowHosts: string[] = [];
  const hostsText = read("TRELLIS_PUSH_ALLOW_HOSTS");
  if (hostsText !== undefined) {
    for (const part of hostsText.split(",")) {
      const host = part.trim().toLowerCase();
      if (host === "") continue;
      if (HOST.test(host) || IPV6.test(host)) {
        allowHosts.push(host.replace(/^\[|\]$/g, ""));
      } else {
        problem(
          "TRELLIS_PUSH_ALLOW_HOSTS",
          `TRELLIS_PUSH_ALLOW_HOSTS must be a comma-separated list of host names (or *.domain, or IP addresses), without scheme or port (got "${part.trim()}").`,
        );
      }
    }
  }

  let vapidPrivateKey: string | undefined;
  const vapidText = read("TRELLIS_VAPID_PRIVATE_KEY");
  if (vapidText !== undefined) {
    // Never echo the value.
    if (!/^[A-Za-z0-9_-]{43}$/.test(vapidText)) {
      problem(
        "TRELLIS_VAPID_PRIVATE_KEY",
        "TRELLIS_VAPID_PRIVATE_KEY must be a P-256 private key as 32 bytes of unpadded base64url (43 characters), e.g. the private key printed by `npx web-push generate-vapid-keys`; leave it unset to keep one in the secrets file.",
      );
    } else {
      vapidPrivateKey = vapidText;
    }
  }
  return { contact, allowHosts, vapidPrivateKey };
}
