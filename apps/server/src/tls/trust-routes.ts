/**
 * The home certificate authority, offered to phones: GET /ca.crt (the
 * certificate, as browsers and phones expect to install one) and GET /trust
 * (a short page on installing it on an iPhone or an Android phone). Both are
 * public: a CA certificate is not a secret.
 */
import { X509Certificate } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { messages, pickLocale } from "../i18n/index.ts";

export const CA_CERT_PATH = "/ca.crt";
export const TRUST_PATH = "/trust";
export const CA_DOWNLOAD_NAME = "trellis-home-ca.crt";

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}

/** SHA-256 of the certificate, as phones show it: colon-separated hex pairs. */
export function certificateFingerprint(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

export function renderTrustPage(caPem: string | undefined, acceptLanguage?: string): string {
  const t = messages(pickLocale(acceptLanguage)).trust;
  const list = (items: readonly string[]) =>
    `<ol>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ol>`;
  const body =
    caPem === undefined
      ? `<p>${escapeHtml(t.noAuthority)}</p><p><a class="button" href="/">${escapeHtml(t.open)}</a></p>`
      : `<p>${escapeHtml(t.intro)}</p>
<p class="quiet">${escapeHtml(t.whyWarning)}</p>
<p><a class="button" href="${CA_CERT_PATH}" download="${CA_DOWNLOAD_NAME}">${escapeHtml(t.download)}</a></p>
<p class="quiet fingerprint">${escapeHtml(t.fingerprint(certificateFingerprint(caPem)))}</p>
<section aria-labelledby="iphone"><h2 id="iphone">${escapeHtml(t.iphoneTitle)}</h2>${list(t.iphoneSteps)}</section>
<section aria-labelledby="android"><h2 id="android">${escapeHtml(t.androidTitle)}</h2>${list(t.androidSteps)}</section>
<section aria-labelledby="then"><h2 id="then">${escapeHtml(t.afterTitle)}</h2><p>${escapeHtml(t.after)}</p>
<p><a class="button" href="/">${escapeHtml(t.open)}</a></p></section>
<p class="quiet">${escapeHtml(t.onlyHere)}</p>`;
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(t.title)}</title>
<style>
body{font:17px/1.5 system-ui,sans-serif;margin:0 auto;max-width:36rem;padding:1.25rem;color:#1f2a24;background:#fbfaf7}
h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.15rem;margin-top:1.75rem}
li{margin:.4rem 0}.quiet{color:#56615a;font-size:.95rem}.fingerprint{overflow-wrap:anywhere}
.button{display:inline-block;padding:.7rem 1.1rem;border-radius:.6rem;background:#2f6b4f;color:#fff;text-decoration:none;font-weight:600}
.button:focus-visible{outline:3px solid #9cc7b0;outline-offset:2px}
@media (prefers-color-scheme: dark){body{color:#e6ece8;background:#141a17}.quiet{color:#a9b5ae}.button{background:#7fc4a0;color:#0d1a13}}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(t.title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/** Registers /ca.crt and /trust. `caPem()` is the current authority (undefined: none). */
export function registerTrustRoutes(app: FastifyInstance, caPem: () => string | undefined): void {
  app.get(CA_CERT_PATH, async (_request, reply) => {
    const pem = caPem();
    if (pem === undefined) {
      return reply.code(404).type("text/plain; charset=utf-8").send("Not found\n");
    }
    return reply
      .header("cache-control", "no-cache")
      .header("content-disposition", `attachment; filename="${CA_DOWNLOAD_NAME}"`)
      .type("application/x-x509-ca-cert")
      .send(pem);
  });
  app.get(TRUST_PATH, async (request, reply) =>
    reply
      .header("cache-control", "no-cache")
      .type("text/html; charset=utf-8")
      .send(renderTrustPage(caPem(), request.headers["accept-language"])),
  );
}
