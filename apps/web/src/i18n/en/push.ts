/** Words for reminders through Web Push, when Trellis is closed (English). See ../en.ts for the rules. */
export const push = {
  "push.taken": "Taken",
  "push.snooze": "In 10 minutes",
  "push.doses.named": "{count, plural, one {# medicine now} other {# medicines now}}",
  "push.title": "Reminders when Trellis is closed",
  "push.body":
    "Trellis can remind you of the next 14 days of doses, appointments and fees even when it is closed. This device writes each reminder and locks it before it leaves: the Trellis server keeps only when to send it, and cannot read it.",
  "push.turnOn": "Turn on reminders when closed",
  "push.turnOff": "Turn off reminders when closed",
  "push.on": "On for this device. Trellis brings them up to date each time you open it.",
  "push.off": "Off for this device.",
  "push.failed":
    "Reminders when closed could not be set up on this device just now. Reminders still come while Trellis is open; you can try again later.",
  "push.unsupported": "This browser cannot bring reminders while Trellis is closed.",
  "push.needsPermission": "Allow reminders on this device first.",
  "push.decoys": "Add decoy reminders",
  "push.decoys.hint":
    "Off by default. Adds empty reminders at random times, which this device never shows, so the server cannot tell when your doses are. Some browsers may show a short \u201cupdated in the background\u201d note when there are many.",
  "push.lockNeutral":
    "With the app lock on, reminders when closed always say only \u201cTrellis: a reminder\u201d.",
  "push.logged":
    "{count, plural, one {Logged as taken from your reminder.} other {# doses logged as taken from your reminder.}}",
} as const;
