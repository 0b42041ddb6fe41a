// @vitest-environment happy-dom
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createI18n, I18nProvider } from "../../i18n/i18n.tsx";
import { FormButtons } from "./FormButtons.tsx";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

describe("FormButtons", () => {
  const form = { busy: false, formError: null };
  const buttonRow = () => host.querySelector("button[type=submit]")!.parentElement!;
  const render = async (node: ReactNode) =>
    act(async () => root.render(<I18nProvider i18n={createI18n(["en"])}>{node}</I18nProvider>));

  it("keeps the save button within thumb reach when sticky, and in the form's flow otherwise", async () => {
    await render(<FormButtons form={form} label="Save the retrieval" sticky />);
    expect(buttonRow().className).toBe("sticky-action");
    await render(<FormButtons form={form} label="Save" />);
    expect(buttonRow().hasAttribute("class")).toBe(false);
  });
});
