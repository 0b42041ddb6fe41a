import { describe, expect, it } from "vitest";
import { createI18n } from "../i18n/i18n.tsx";
import { calendarNeutralWords, notificationText, type Reminder } from "./reminder-words.ts";

const i18n = createI18n(["en"]);
const reminders: Reminder[] = [
  { kind: "dose", name: "Follitropin alfa", dose: { value: 150, unit: "IU" }, trigger: false },
  {
    kind: "dose",
    name: "Choriogonadotropin alfa",
    dose: { value: 250, unit: "mcg" },
    trigger: true,
  },
  { kind: "procedure", procedure: "retrieval", atMs: Date.UTC(2026, 2, 14, 13, 30), zone: "UTC" },
  { kind: "procedure", procedure: "insemination", atMs: Date.UTC(2026, 3, 14, 13), zone: "UTC" },
];
/** Words that tell a stranger what the reminder is for. */
const forbidden =
  /follitropin|choriogonadotropin|trigger|shot|retrieval|insemination|transfer|scan|blood|fertility|clinic|medicine|dose|IU|mcg/i;

describe("notification words", () => {
  it("names off: every reminder says only “Trellis: a reminder”, with a body that names nothing", () => {
    for (const r of reminders) {
      const text = notificationText(i18n, r, false);
      expect(text).toEqual({ title: "Trellis: a reminder", body: "Open Trellis to see it." });
      expect(`${text.title} ${text.body}`).not.toMatch(forbidden);
    }
  });

  it("names on: the medicine and dose, the trigger, the procedure and its time", () => {
    const [dose, trigger, retrieval, iui] = reminders.map((r) => notificationText(i18n, r, true));
    expect(dose!.title).toBe("Follitropin alfa 150 IU");
    expect(trigger!.title).toBe("Trigger shot at the exact time: Choriogonadotropin alfa");
    expect(retrieval!.title).toBe("Retrieval");
    expect(retrieval!.body).toMatch(/2026/);
    expect(iui!.title).toBe("Insemination");
  });

  it("the calendar's neutral words: Reminder and Appointment when names are off, none when on", () => {
    expect(calendarNeutralWords(i18n, false)).toEqual({
      reminder: "Reminder",
      appointment: "Appointment",
    });
    expect(calendarNeutralWords(i18n, true)).toBeUndefined();
  });
});
