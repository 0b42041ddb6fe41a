/**
 * Headers sent with every response. The CSP fits a Vite-built React SPA with
 * a service worker and no third-party origins: scripts only from our origin
 * (no inline scripts, no eval; WebAssembly may compile), inline styles allowed (React style props), images
 * also from data:/blob: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  // WebAssembly compilation only (libsodium and OPAQUE run as WASM in the
  // browser); JavaScript eval stays forbidden.
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "permissions-policy": PERMISSIONS_POLICY,
  // No other window keeps a handle on ours (and ours on none): the app's
  // pages are their own browsing context group.
  "cross-origin-opener-policy": "same-origin",
};

/**
 * Sent with TLS on: browsers then use HTTPS for this host for a year, even
 * when someone types http://. (Browsers ignore it for an IP address.)
 */
export const HSTS_HEADER = "max-age=31536000";

/**
 * Whether a response to `hostname` carries HSTS. Not for this computer's own
 * names (`localhost`, `*.localhost`, `*.local`), which the home certificate
 * covers too: HSTS holds for every port of a name, so a year of "HTTPS only"
 * on localhost would break every other program served there over plain HTTP.
 */
export function sendsHsts(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, "");
  return !(h === "localhost" || h.endsWith(".localhost") || h.endsWith(".local"));
}

/**
 * Every security header for a response to `hostname`, HSTS included when it
 * is served over TLS (see `sendsHsts`): one list for the replies that go
 * through Fastify's hooks and for those that do not (a malformed URL, the
 * event stream).
 */
export function securityHeadersFor(hostname: string, tls: boolean): Record<string, string> {
  return tls && sendsHsts(hostname)
    ? { ...SECURITY_HEADERS, "strict-transport-security": HSTS_HEADER }
    : { ...SECURITY_HEADERS };
}
