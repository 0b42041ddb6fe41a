import type { ReminderSource } from "@trellis/client/push";
import { describe, expect, it } from "vitest";
import { createI18n } from "../i18n/i18n.tsx";
import { pushWords } from "./push-sources.ts";

const i18n = createI18n(["en"]);
const at = Date.UTC(2026, 11, 7, 1);
const evening: ReminderSource[] = [
  { kind: "dose", key: "a/2026-12-06/20:00", atMs: at, named: "Follitropin alfa 150 IU" },
  { kind: "dose", key: "b/2026-12-06/20:00", atMs: at, named: "Menotropin 75 IU" },
];
const visit: ReminderSource = {
  kind: "appointment",
  key: "v",
  atMs: at,
  named: "Clinic appointment",
};

describe("the words a pushed reminder says", () => {
  it("names off: the same neutral pair for two doses at once, one dose and a visit; the buttons in plain words", () => {
    const words = pushWords(i18n, false);
    const neutral = { title: "Trellis: a reminder", body: "Open Trellis to see it." };
    expect(words.text(evening)).toEqual(neutral);
    expect(words.text(evening.slice(0, 1))).toEqual(neutral);
    expect(words.text([visit])).toEqual(neutral);
    expect([words.taken, words.snooze]).toEqual(["Taken", "In 10 minutes"]);
  });

  it("names on: two doses at one minute say 2 medicines now and name both; one dose names itself", () => {
    const words = pushWords(i18n, true);
    expect(words.text(evening)).toEqual({
      title: "2 medicines now",
      body: "Follitropin alfa 150 IU, Menotropin 75 IU",
    });
    expect(words.text(evening.slice(1))).toEqual({
      title: "Menotropin 75 IU",
      body: "Open Trellis to log it.",
    });
  });
});
