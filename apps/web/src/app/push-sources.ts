/**
 * What the push queue reminds of, from the record: the next days' doses
 * still to log (the domain's `rangeSchedule`, which is `expandSchedule` per
 * cycle), appointments, the retrieval or insemination, storage fees, costs
 * due with a reminder, and the
 * yearly remembrance reminders the person chose (none in quiet mode); and
 * the words each notification says, from the catalogue. Names only if the
 * person chose them and the app lock is off (docs/push.md, "On the device").
 */
import type { QueueWords, ReminderSource } from "@trellis/client/push";
import { type JourneyState, Temporal } from "@trellis/domain";
import type { I18n } from "../i18n/i18n.tsx";
import { doseTitle } from "./reminder-words.ts";
import { upcoming } from "./upcoming.ts";

const HOUR = 3600_000;

/** Each reminder's instant and its named words: doses (before by the lead), visits 2 h before, the procedure 3 h before, fees at 09:00 their days before, a chosen yearly reminder at 09:00 on the day. */
export function pushSources(
  state: JourneyState,
  i18n: I18n,
  nowMs: number,
  days: number,
): ReminderSource[] {
  const coming = upcoming(state, nowMs, days);
  const zone = coming.zone;
  const lead = state.preferences.reminderLeadMinutes * 60_000;
  const out: ReminderSource[] = [];
  for (const d of coming.doses) {
    const trigger = d.purpose === "trigger";
    out.push({
      kind: "dose",
      key: d.key,
      atMs: d.epochMs - lead,
      named: doseTitle(i18n, { name: d.medicationName, dose: d.dose, trigger }),
    });
  }
  for (const a of coming.appointments) {
    const at = Temporal.ZonedDateTime.from(a.at).epochMilliseconds;
    out.push({
      kind: "appointment",
      key: a.id,
      atMs: at - 2 * HOUR,
      named: `${i18n.t("reminder.appointment")}: ${i18n.dateTime(at, zone)}`,
    });
  }
  for (const { cycleId, procedure: p, epochMs } of coming.procedures) {
    const procedure = i18n.t(
      p.kind === "insemination" ? "reminder.procedure.iui" : "reminder.procedure",
    );
    out.push({
      kind: "appointment",
      key: `p-${cycleId}`,
      atMs: epochMs - 3 * HOUR,
      named: `${procedure}: ${i18n.dateTime(epochMs, zone)}`,
    });
  }
  for (const { line: f, nextDueOn, due } of coming.fees) {
    out.push({
      kind: "fee",
      key: `f-${f.fee.id}-${nextDueOn}`,
      atMs: due.subtract({ days: f.fee.remindDaysBefore }).epochMilliseconds,
      named: i18n.t("embryos.fees.reminder.named", { clinic: f.fee.clinic }),
    });
  }
  for (const { cost, dueOn, due } of coming.costs) {
    out.push({
      kind: "fee",
      key: `c-${cost.id}-${dueOn}`,
      atMs: due.subtract({ days: cost.remindDaysBefore ?? 0 }).epochMilliseconds,
      named: i18n.t("reminder.cost", { what: cost.description }),
    });
  }
  for (const { reminder: a, at } of coming.anniversaries) {
    out.push({
      kind: "anniversary",
      key: `y-${a.remembranceId}-${a.on}`,
      atMs: at.epochMilliseconds,
      named: a.words,
    });
  }
  return out;
}

/** The words of each notification: the neutral pair for everything, or names as chosen. */
export function pushWords(i18n: I18n, named: boolean): QueueWords {
  const neutral = {
    title: i18n.t("reminder.neutral.title"),
    body: i18n.t("reminder.neutral.body"),
  };
  return {
    taken: i18n.t("push.taken"),
    snooze: i18n.t("push.snooze"),
    text(group) {
      if (!named) return neutral;
      const first = group[0]!;
      if (group.length > 1)
        return {
          title: i18n.t("push.doses.named", { count: group.length }),
          body: group.map((r) => r.named).join(", "),
        };
      if (first.kind === "dose") return { title: first.named, body: i18n.t("reminder.body") };
      return { title: first.named, body: i18n.t("reminder.neutral.body") };
    },
  };
}
