/**
 * Words of the page the server itself renders at /trust (English). They live
 * in the server, not in the web app's catalogue (apps/web/src/i18n): the page
 * is read before the web app can run on the phone (before the phone trusts
 * the server, there is no secure context, no service worker, and the app's
 * own catalogue is a browser bundle the server does not import). One file
 * per page and language, the same shape for each, so another language is
 * one more file beside this one (see ../index.ts).
 */
export const trust = {
  lang: "en",
  title: "Trust this Trellis on your phone",
  intro:
    "Trellis runs on a computer in your home. So that your phone can talk to it privately, it needs to know this computer's own certificate. You do this once per phone.",
  whyWarning:
    "If your browser warned you before this page opened, that is expected: it does not know this computer yet. After these steps it will.",
  download: "Download the certificate",
  fingerprint: (hash: string) => `Its fingerprint (SHA-256): ${hash}`,
  iphoneTitle: "iPhone or iPad",
  iphoneSteps: [
    "Open this page in Safari and tap “Download the certificate”, then “Allow”.",
    "Open Settings: tap “Profile Downloaded” near the top, then “Install” and enter your passcode.",
    "Go to Settings › General › About › Certificate Trust Settings and turn on “Trellis home”.",
  ],
  androidTitle: "Android",
  androidSteps: [
    "Tap “Download the certificate”.",
    "Open Settings › Security and privacy › More security settings › Encryption and credentials › Install a certificate › CA certificate (the names differ a little between phones: search Settings for “CA certificate”).",
    "Tap “Install anyway”, confirm with your screen lock, and choose the file you downloaded.",
  ],
  afterTitle: "Then",
  after:
    "Open Trellis again on your phone. The address bar shows a padlock, and you can install Trellis to your home screen, use it offline and turn on reminders.",
  open: "Open Trellis",
  onlyHere:
    "This certificate only works for this computer's Trellis. You can remove it any time from the same settings.",
  noAuthority:
    "This Trellis does not use a home certificate, so there is nothing to install: its address already works on your phone.",
} as const;

export type TrustMessages = typeof trust;
