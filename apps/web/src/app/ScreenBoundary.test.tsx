// @vitest-environment happy-dom
import { act, lazy } from "react";
import { describe, expect, it, vi } from "vitest";
import { createI18n, I18nProvider } from "../i18n/i18n.tsx";
import { mountEachTest } from "../testing/mount.tsx";
import { ScreenBoundary } from "./ScreenBoundary.tsx";

const view = mountEachTest();
const i18n = createI18n(["en"]);

/** A screen whose code arrives when `arrive` is called, or fails when `fail` is. */
function screenOnTheWay() {
  let arrive!: () => void;
  let fail!: (cause: Error) => void;
  const Screen = lazy(
    () =>
      new Promise<{ default: () => React.JSX.Element }>((resolve, reject) => {
        arrive = () => resolve({ default: () => <h1>Today</h1> });
        fail = reject;
      }),
  );
  return { Screen, arrive: () => arrive(), fail: (cause: Error) => fail(cause) };
}

function shown(resetKey: string, node: React.ReactNode) {
  return view.render(
    <I18nProvider i18n={i18n}>
      <ScreenBoundary resetKey={resetKey}>{node}</ScreenBoundary>
    </I18nProvider>,
  );
}

describe("a screen loaded on demand", () => {
  it("shows a quiet wait, then the screen once its code arrives", async () => {
    const { Screen, arrive } = screenOnTheWay();
    await shown("/", <Screen />);
    expect(view.host.querySelector("[aria-busy=true]")).not.toBeNull();
    expect(view.host.textContent).toBe("");
    await act(async () => arrive());
    expect(view.host.querySelector("h1")?.textContent).toBe("Today");
    expect(view.host.querySelector("[aria-busy=true]")).toBeNull();
  });

  it("whose code cannot load says so with a Reload button: never a blank page", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { Screen, fail } = screenOnTheWay();
      await shown("/cycle", <Screen />);
      await act(async () => fail(new TypeError("Failed to fetch dynamically imported module")));
      const alert = view.host.querySelector("[role=alert]");
      expect(alert?.querySelector("h1")?.textContent).toBe(i18n.t("app.screenFailed.title"));
      expect(alert?.textContent).toContain(i18n.t("app.screenFailed.body"));
      const button = alert?.querySelector("button");
      expect(button?.textContent).toBe(i18n.t("app.reload"));

      // Going elsewhere tries again, with that address's screen.
      await shown("/journal", <p>Journal</p>);
      expect(view.host.querySelector("[role=alert]")).toBeNull();
      expect(view.host.textContent).toBe("Journal");
    } finally {
      errors.mockRestore();
    }
  });
});
