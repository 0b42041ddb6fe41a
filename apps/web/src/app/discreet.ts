/**
 * The discreet install: with it on, the page points at a second manifest
 * (`/discreet.webmanifest`: "Notes", a plain grey sheet for an icon), the tab
 * and app-switcher title is only "Notes" on every screen, and the favicon is
 * the plain sheet. Adding Trellis to a home screen then shows nothing of what
 * it is for.
 *
 * The choice must be known before anything else loads (before the app lock
 * and before the record opens), so it is kept in `localStorage` under one
 * key, as the bare word "on": it says nothing about the person or the record.
 * It stays when the device forgets its record (signed out from elsewhere, or
 * erased after wrong tries), so the page never turns back into "Trellis" on
 * a phone whose home screen says "Notes".
 */

export const DISCREET_STORAGE_KEY = "trellis-discreet";
export const DISCREET_NAME = "Notes";

const NORMAL = {
  manifest: "/manifest.webmanifest",
  icon: "/favicon.svg",
  touchIcon: "/icons/apple-touch-icon.png",
};
const DISCREET = {
  manifest: "/discreet.webmanifest",
  icon: "/icons/discreet.svg",
  touchIcon: "/icons/discreet-apple-touch-icon.png",
};

export function isDiscreet(): boolean {
  try {
    return localStorage.getItem(DISCREET_STORAGE_KEY) === "on";
  } catch {
    return false; // storage refused (a locked-down browser): the normal install
  }
}

/** Keeps the choice and applies it to the page at once. */
export function setDiscreet(on: boolean): void {
  try {
    if (on) localStorage.setItem(DISCREET_STORAGE_KEY, "on");
    else localStorage.removeItem(DISCREET_STORAGE_KEY);
  } catch {
    // Not kept past this page; the page still changes now.
  }
  applyDiscreet(on);
}

function link(rel: string): HTMLLinkElement {
  let element = document.head.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`);
  if (!element) {
    element = document.createElement("link");
    element.rel = rel;
    document.head.append(element);
  }
  return element;
}

/** Points the manifest, icons and title at the discreet or the normal install. */
export function applyDiscreet(on = isDiscreet()): void {
  const chosen = on ? DISCREET : NORMAL;
  link("manifest").href = chosen.manifest;
  link("icon").href = chosen.icon;
  link("apple-touch-icon").href = chosen.touchIcon;
  document.title = on ? DISCREET_NAME : (shownTitle ?? document.title);
}

/** The title the current screen asked for, put back when the discreet install is turned off. */
let shownTitle: string | undefined;

/**
 * Sets the document title, e.g. "Embryos · Trellis"; with the discreet
 * install only "Notes" (a screen's name would say too much in a tab or the
 * app switcher).
 */
export function setDocumentTitle(title: string): void {
  shownTitle = title;
  document.title = isDiscreet() ? DISCREET_NAME : title;
}

/** The app's name as this device shows it: "Notes" with the discreet install. */
export function shownAppName(appName: string): string {
  return isDiscreet() ? DISCREET_NAME : appName;
}
