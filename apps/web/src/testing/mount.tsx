/**
 * The set-up the web app's component tests share (happy-dom): a React root on
 * a fresh element for each test, and a client on memory storage for the
 * tests whose forms record.
 */
import { memoryStorage, openClient, type TrellisClient } from "@trellis/client";
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach } from "vitest";
import { ClientProvider } from "../app/client-context.tsx";
import { ToastProvider } from "../components/Toast.tsx";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  /** The element the test's tree is drawn into. */
  readonly host: HTMLElement;
  /** Draws `node` (again) and waits until React has settled. */
  render(node: ReactNode): Promise<void>;
}

/** A root mounted before each test of the file, unmounted and removed after it. */
export function mountEachTest(): Mounted {
  let root: Root;
  let host: HTMLElement;
  beforeEach(() => {
    host = document.body.appendChild(document.createElement("div"));
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });
  return {
    get host() {
      return host;
    },
    render: (node) => act(async () => root.render(node)),
  };
}

/** A fresh client on memory storage for each test of the file, closed after it. */
export function clientEachTest(): { readonly client: TrellisClient } {
  let client: TrellisClient;
  beforeEach(async () => {
    client = await openClient({ storage: memoryStorage() });
  });
  afterEach(() => client.close());
  return {
    get client() {
      return client;
    },
  };
}

/**
 * Puts `value` in an input or a list as a person would: past React's own
 * record of the value, then the event React listens for.
 */
export function enter(field: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  const list = field instanceof HTMLSelectElement;
  const prototype = list ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  return act(async () => {
    Object.getOwnPropertyDescriptor(prototype, "value")!.set!.call(field, value);
    field.dispatchEvent(new Event(list ? "change" : "input", { bubbles: true }));
  });
}

/** A tree as a screen has it: recording through `client`, with toasts. */
export function InApp({ client, children }: { client: TrellisClient; children: ReactNode }) {
  return (
    <ClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </ClientProvider>
  );
}
