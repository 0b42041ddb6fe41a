/**
 * What the circle screens' component tests share: the screen drawn inside a
 * client (for the record's state), toasts, and a fake `Circles` with the
 * account it belongs to (or none).
 */
import type { TrellisClient } from "@trellis/client";
import type { AccountView } from "@trellis/client/sync";
import type { ReactNode } from "react";
import { act } from "react";
import { CirclesProvider } from "../../app/sync-context.tsx";
import { InApp } from "../../testing/mount.tsx";
import type { FakeCircles } from "./fake-circles.ts";

export const mayaAccount: AccountView = {
  serverUrl: "https://trellis.example",
  accountId: "me",
  username: "maya",
  deviceName: "Phone",
};

export function InCircles({
  client,
  circles,
  account = mayaAccount,
  children,
}: {
  client: TrellisClient;
  circles: FakeCircles;
  account?: AccountView | null;
  children: ReactNode;
}) {
  return (
    <InApp client={client}>
      <CirclesProvider circles={circles} account={account}>
        {children}
      </CirclesProvider>
    </InApp>
  );
}

/** Lets the fake's answers (promises) and React settle. */
export function settle(): Promise<void> {
  return act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  });
}

export function button(host: HTMLElement, name: string | RegExp): HTMLButtonElement {
  const found = [...host.querySelectorAll<HTMLButtonElement>("button")].find((b) => {
    const label = b.getAttribute("aria-label") ?? b.textContent ?? "";
    return typeof name === "string" ? label.trim() === name : name.test(label);
  });
  if (!found) throw new Error(`No button ${String(name)}`);
  return found;
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => element.click());
  await settle();
}

export function labelled<T extends HTMLElement = HTMLInputElement>(
  host: HTMLElement,
  text: string,
): T {
  const label = [...host.querySelectorAll("label")].find((l) => l.textContent?.trim() === text);
  const id = label?.htmlFor;
  const field = id ? document.getElementById(id) : label?.querySelector("input");
  if (!field) throw new Error(`No field labelled ${text}`);
  return field as T;
}

/** Types into a textarea as a person would (past React's record of its value). */
export function typeInto(field: HTMLTextAreaElement | HTMLInputElement, value: string) {
  return act(async () => {
    const proto =
      field instanceof HTMLTextAreaElement
        ? HTMLTextAreaElement.prototype
        : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(field, value);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
