// @vitest-environment happy-dom
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { createI18n, I18nProvider } from "../../i18n/i18n.tsx";
import { mountEachTest } from "../../testing/mount.tsx";
import { FormButtons } from "./FormButtons.tsx";

const view = mountEachTest();

describe("FormButtons", () => {
  const form = { busy: false, formError: null };
  const buttonRow = () => view.host.querySelector("button[type=submit]")!.parentElement!;
  const render = (node: ReactNode) =>
    view.render(<I18nProvider i18n={createI18n(["en"])}>{node}</I18nProvider>);

  it("keeps the save button within thumb reach when sticky, and in the form's flow otherwise", async () => {
    await render(<FormButtons form={form} label="Save the retrieval" sticky />);
    expect(buttonRow().className).toBe("sticky-action");
    await render(<FormButtons form={form} label="Save" />);
    expect(buttonRow().hasAttribute("class")).toBe(false);
  });
});
