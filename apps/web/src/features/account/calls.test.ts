import type { SyncFailure } from "@trellis/client/sync";
import type { Result } from "@trellis/domain";
import { describe, expect, it } from "vitest";
import { reasonText } from "../../app/sync-words.ts";
import type { Found } from "../../components/forms/index.ts";
import { createI18n } from "../../i18n/i18n.tsx";
import { callAccount } from "./calls.ts";

const { t } = createI18n(["en"]);

/** A form that notes whether it was busy and what it was asked to show. */
function watchedForm() {
  const seen = { busyDuring: false, shown: [] as Found<"username">[] };
  let busy = false;
  return {
    seen,
    form: {
      async run<T>(task: () => Promise<T>) {
        busy = true;
        try {
          seen.busyDuring = true;
          return await task();
        } finally {
          busy = false;
        }
      },
      fail(f: Found<"username">) {
        seen.shown.push(f);
        return Object.values(f).some(Boolean);
      },
      get busy() {
        return busy;
      },
    },
  };
}

const failing = (reason: string) => async (): Promise<Result<void, SyncFailure>> => ({
  ok: false,
  error: { reason },
});

describe("an account call through a form", () => {
  it("runs busy, and says the reason in words on the form's line when it fails", async () => {
    const { form, seen } = watchedForm();
    const r = await callAccount(form, t, failing("login-failed"));
    expect(r.ok).toBe(false);
    expect(seen.busyDuring).toBe(true);
    expect(form.busy).toBe(false);
    expect(seen.shown).toEqual([{ form: reasonText(t, "login-failed") }]);
    expect(seen.shown[0]!.form).not.toContain("login-failed");
  });

  it("puts a reason where the screen says, and the rest on the form's line", async () => {
    const words = (reason: string) =>
      reason === "username-taken" ? { username: "Taken." } : undefined;
    const { form, seen } = watchedForm();
    await callAccount(form, t, failing("username-taken"), words);
    await callAccount(form, t, failing("offline"), words);
    expect(seen.shown).toEqual([{ username: "Taken." }, { form: reasonText(t, "offline") }]);
  });

  it("clears what was shown once the call succeeds", async () => {
    const { form, seen } = watchedForm();
    const r = await callAccount(form, t, async () => ({ ok: true as const, value: 7 }));
    expect(r).toEqual({ ok: true, value: 7 });
    expect(seen.shown).toEqual([{}]);
  });
});
