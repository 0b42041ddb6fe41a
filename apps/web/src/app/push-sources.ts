/**
 * What the push queue reminds of, from the record: the next days' doses
 * still to log (the domain's `rangeSchedule`, which is `expandSchedule` per
 * cycle), appointments, the retrieval or insemination, and storage fees; and
 * the words each notification says, from the catalogue. Names only if the
 * person chose them and the app lock is off (docs/push.md, "On the device").
 */
import type { QueueWords, ReminderSource } from "@trellis/client/push";
import {
  activeCycles,
  addDays,
  appointments,
  type JourneyState,
  procedureTime,
  rangeSchedule,
  storageFeeList,
  Temporal,
} from "@trellis/domain";
import type { I18n } from "../i18n/i18n.tsx";
import { doseTitle } from "./reminder-words.ts";
import { deviceZone, todayIso } from "./time.ts";

const HOUR = 3600_000;

/** Each reminder's instant and its named words: doses (before by the lead), visits 2 h before, the procedure 3 h before, fees at 09:00 their days before. */
export function pushSources(
  state: JourneyState,
  i18n: I18n,
  nowMs: number,
  days: number,
): ReminderSource[] {
  const zone = deviceZone();
  const from = todayIso(zone);
  const lead = state.preferences.reminderLeadMinutes * 60_000;
  const out: ReminderSource[] = [];
  for (const d of rangeSchedule(state, { zone, from, to: addDays(from, days), nowMs })) {
    if (d.log) continue;
    const trigger = d.purpose === "trigger";
    out.push({
      kind: "dose",
      key: d.key,
      atMs: d.epochMs - lead,
      named: doseTitle(i18n, { name: d.medicationName, dose: d.dose, trigger }),
    });
  }
  const procedures = activeCycles(state).flatMap((cycle) => {
    const p = procedureTime(state, cycle.id);
    return p ? [{ cycle, p }] : [];
  });
  const listed = new Set(procedures.map(({ p }) => p.appointmentId));
  for (const a of appointments(state, { fromMs: nowMs })) {
    if (listed.has(a.id)) continue;
    const at = Temporal.ZonedDateTime.from(a.at).epochMilliseconds;
    out.push({
      kind: "appointment",
      key: a.id,
      atMs: at - 2 * HOUR,
      named: `${i18n.t("reminder.appointment")}: ${i18n.dateTime(at, zone)}`,
    });
  }
  for (const { cycle, p } of procedures) {
    const at = Temporal.ZonedDateTime.from(p.at).epochMilliseconds;
    const procedure = i18n.t(
      p.kind === "insemination" ? "reminder.procedure.iui" : "reminder.procedure",
    );
    out.push({
      kind: "appointment",
      key: `p-${cycle.id}`,
      atMs: at - 3 * HOUR,
      named: `${procedure}: ${i18n.dateTime(at, zone)}`,
    });
  }
  const home = state.journey?.homeZone ?? zone;
  for (const f of storageFeeList(state, { today: from })) {
    if (!f.nextDueOn) continue;
    const due = Temporal.PlainDate.from(f.nextDueOn)
      .subtract({ days: Math.max(1, f.fee.remindDaysBefore) })
      .toZonedDateTime({ timeZone: home, plainTime: "09:00" });
    out.push({
      kind: "fee",
      key: `f-${f.fee.id}-${f.nextDueOn}`,
      atMs: due.epochMilliseconds,
      named: i18n.t("embryos.fees.reminder.named", { clinic: f.fee.clinic }),
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
