/** Words for the monitoring screens (English). See ../en.ts for the rules. */
export const monitoring = {
  "monitoring.title": "Scans and blood tests",
  "monitoring.header.today":
    "Today is {kind, select, stim {stim day {day}} other {cycle day {day}}}",
  "monitoring.header.starts": "Starts on {date}",
  "monitoring.header.ended": "Ended on {date}",
  "monitoring.listDay": "{kind, select, stim {Stim day {day}} other {Cycle day {day}}} · {when}",
  "monitoring.inlineDay": "{kind, select, stim {stim day {day}} other {cycle day {day}}} ({when})",
  "monitoring.notFound": "This cycle was not found",
  "monitoring.notFound.body":
    "It may have been removed, or the link came from another device. Your cycles are all under Cycle.",
  "monitoring.notFound.link": "Go to your cycles",
  "monitoring.remove": "Delete",
  "monitoring.keep": "Keep it",

  "monitoring.ovary.left": "Left ovary",
  "monitoring.ovary.right": "Right ovary",
  "monitoring.ovary.leftMm": "Left ovary, mm",
  "monitoring.ovary.rightMm": "Right ovary, mm",

  "monitoring.scans.title": "Follicles",
  "monitoring.scans.empty":
    "After each scan, add the sizes the sonographer reads out for each ovary. A chart of how your follicles grow, day by day, will appear here.",
  "monitoring.scans.all":
    "{count, plural, one {The scan, in numbers} other {All # scans, in numbers}}",
  "monitoring.scan.add": "Add a scan",
  "monitoring.scan.formTitle": "New scan",
  "monitoring.scan.when": "Date and time of the scan",
  "monitoring.scan.sizesHint":
    "Type each follicle size in mm, separated by commas or spaces, for example 14, 12.5, 11. Leave an ovary empty if nothing was measured.",
  "monitoring.scan.sizesPlaceholder": "14, 12.5, 11",
  "monitoring.scan.left": "Left ovary",
  "monitoring.scan.right": "Right ovary",
  "monitoring.scan.understood":
    "Understood: {count, plural, one {# follicle} other {# follicles}}, {sizes} mm",
  "monitoring.scan.understoodNone": "No sizes understood yet.",
  "monitoring.scan.unreadable":
    "These are not sizes Trellis can read: {pieces}. Use numbers only, with a point for decimals.",
  "monitoring.scan.notANumber": "Use a number in mm, for example 9.5.",
  "monitoring.scan.empty": "Add at least one follicle size or the lining, then save.",
  "monitoring.scan.follicleProblem":
    "{side, select, left {Left ovary} other {Right ovary}}, {n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} follicle: {problem}",
  "monitoring.scan.sideProblem": "{side, select, left {Left ovary} other {Right ovary}}: {problem}",
  "monitoring.scan.liningProblem": "Lining: {problem}",
  "monitoring.scan.lining": "Lining",
  "monitoring.scan.liningShort": "Lining",
  "monitoring.scan.liningValue":
    "{mm} mm{pattern, select, triple {, triple-line} homogeneous {, homogeneous} other {}}",
  "monitoring.scan.pattern": "Lining pattern",
  "monitoring.scan.pattern.unsaid": "Not said",
  "monitoring.scan.pattern.triple-line": "Triple-line",
  "monitoring.scan.pattern.homogeneous": "Homogeneous",
  "monitoring.scan.save": "Save scan",
  "monitoring.scan.saved": "Scan saved.",
  "monitoring.scan.sizes": "{sizes} mm ({count})",
  "monitoring.scan.noneSeen": "none measured",
  "monitoring.scan.removeLabel": "Delete the scan of {when}",
  "monitoring.scan.removeTitle": "Delete this scan?",
  "monitoring.scan.removeBody":
    "The scan of {when} will leave your record and the chart. This cannot be undone; you can add it again later.",
  "monitoring.scan.removed": "Scan deleted.",

  "monitoring.chart.follicles.title":
    "Follicle sizes in mm, by {kind, select, stim {stim day} other {cycle day}}",
  "monitoring.chart.follicles.summary":
    "Latest scan, {kind, select, stim {stim day {day}} other {cycle day {day}}}: lead follicle {lead} mm; {count, plural, =0 {no follicles} one {# follicle} other {# follicles}} of 10 mm or more.",
  "monitoring.chart.follicles.summaryNoFollicles":
    "Latest scan, {kind, select, stim {stim day {day}} other {cycle day {day}}}: no follicles measured.",
  "monitoring.chart.follicles.axes":
    "Across: {kind, select, stim {stim day} other {cycle day}}. Up: size in mm.",
  "monitoring.chart.follicles.tableCaption": "Follicle sizes at each scan",
  "monitoring.chart.triggerBand": "{from} to {to} mm: often the trigger size",
  "monitoring.chart.triggerBandShort": "often the trigger size",
  "monitoring.chart.dayColumn": "{kind, select, stim {Stim day} other {Cycle day}}",

  "monitoring.bloods.title": "Blood results",
  "monitoring.bloods.empty":
    "Add blood results as the clinic gives them to you. Estradiol (E2) will be drawn as a line over the days of your cycle, in your unit.",
  "monitoring.bloods.noE2": "No estradiol (E2) results yet, so there is no line to draw.",
  "monitoring.bloods.all": "{count, plural, one {# result} other {# results}}, newest first",
  "monitoring.chart.e2.title":
    "Estradiol (E2) in {unit}, by {kind, select, stim {stim day} other {cycle day}}",
  "monitoring.chart.e2.summaryOne":
    "E2 was {value} {unit} on {kind, select, stim {stim day {day}} other {cycle day {day}}}.",
  "monitoring.chart.e2.summary":
    "E2 went from {from} to {to} {unit} between {kind, select, stim {stim day {fromDay} and stim day {toDay}} other {cycle day {fromDay} and cycle day {toDay}}} ({count} results).",
  "monitoring.chart.e2.axes":
    "Across: {kind, select, stim {stim day} other {cycle day}}. Up: E2 in {unit}. Results marked as wrong are left out.",
  "monitoring.chart.e2.tableCaption": "Estradiol (E2) results in {unit}",
  "monitoring.chart.e2.valueColumn": "E2, {unit}",

  "monitoring.lab.add": "Add blood results",
  "monitoring.lab.formTitle": "New blood result",
  "monitoring.lab.analyte": "Which test",
  "monitoring.analyte.E2": "E2 (estradiol)",
  "monitoring.analyte.LH": "LH (luteinising hormone)",
  "monitoring.analyte.P4": "P4 (progesterone)",
  "monitoring.analyte.FSH": "FSH (follicle-stimulating hormone)",
  "monitoring.analyte.hCG": "hCG (beta, the pregnancy hormone)",
  "monitoring.analyte.AMH": "AMH (anti-Müllerian hormone)",
  "monitoring.analyte.E2.hint": "E2 (estradiol): made by growing follicles; it rises as they grow.",
  "monitoring.analyte.LH.hint":
    "LH (luteinising hormone): its surge releases the egg, so clinics watch it before the trigger.",
  "monitoring.analyte.P4.hint":
    "P4 (progesterone): readies the lining of the uterus; often checked around the trigger and the transfer.",
  "monitoring.analyte.FSH.hint":
    "FSH (follicle-stimulating hormone): grows follicles; often checked at the start of a cycle.",
  "monitoring.analyte.hCG.hint":
    "hCG (beta): made by a pregnancy, and also given as a trigger injection.",
  "monitoring.analyte.AMH.hint":
    "AMH (anti-Müllerian hormone): a sign of how many eggs stimulation may bring.",
  "monitoring.lab.value": "Result",
  "monitoring.lab.unit": "Unit",
  "monitoring.lab.when": "When the blood was taken",
  "monitoring.lab.notANumber": "Use a number, for example 1850 or 0.9.",
  "monitoring.lab.understood": "Understood: {value} {unit}",
  "monitoring.lab.understoodConverted":
    "Understood: {value} {unit}, which is {other} {otherUnit} in your unit",
  "monitoring.lab.save": "Save result",
  "monitoring.lab.saved": "{analyte} result saved.",
  "monitoring.lab.value.shown": "{value} {unit}",
  "monitoring.lab.value.converted": "({value} {unit})",
  "monitoring.lab.itemName": "{analyte} of {when}",
  "monitoring.lab.exclude": "Mark as wrong",
  "monitoring.lab.excludeLabel": "Mark the {name} as wrong",
  "monitoring.lab.include": "Include again",
  "monitoring.lab.includeLabel": "Include the {name} again",
  "monitoring.lab.reason": "Why is it wrong?",
  "monitoring.lab.reason.hint":
    "Optional, for example “the lab sent a correction”. The result stays in your record but leaves the chart.",
  "monitoring.lab.excluded": "{analyte} result marked as wrong. It is no longer in the chart.",
  "monitoring.lab.included": "{analyte} result included again.",
  "monitoring.lab.excludedNote": "Marked as wrong, so it is not in the chart.",
  "monitoring.lab.excludedWithReason": "Marked as wrong ({reason}), so it is not in the chart.",
  "monitoring.lab.removeLabel": "Delete the {name}",
  "monitoring.lab.removeTitle": "Delete this result?",
  "monitoring.lab.removeBody":
    "The {analyte} result of {when} will leave your record. This cannot be undone. If the number is only wrong, “Mark as wrong” keeps it out of the chart instead.",
  "monitoring.lab.removed": "{analyte} result deleted.",

  "monitoring.appointments.title": "Coming up",
  "monitoring.appointments.empty":
    "No visits booked for this cycle. Add your scans, blood tests and other visits so you can see what is next.",
  "monitoring.appointment.add": "Add an appointment",
  "monitoring.appointment.formTitle": "New appointment",
  "monitoring.appointment.kind": "What for",
  "monitoring.kind.scan": "Scan",
  "monitoring.kind.bloods": "Blood test",
  "monitoring.kind.scan-and-bloods": "Scan and blood test",
  "monitoring.kind.consultation": "Consultation",
  "monitoring.kind.retrieval": "Egg retrieval",
  "monitoring.kind.transfer": "Transfer",
  "monitoring.kind.insemination": "Insemination (IUI)",
  "monitoring.kind.other": "Other visit",
  "monitoring.appointment.date": "Date",
  "monitoring.appointment.time": "Time",
  "monitoring.appointment.timeNeeded": "Add the time of the visit.",
  "monitoring.appointment.place": "Where",
  "monitoring.appointment.place.hint": "Optional: the clinic, a room, an address.",
  "monitoring.appointment.save": "Save appointment",
  "monitoring.appointment.saved": "Appointment saved.",
  "monitoring.appointment.cancel": "Cancel",
  "monitoring.appointment.cancelLabel": "Cancel the {what} of {when}",
  "monitoring.appointment.cancelTitle": "Cancel this appointment?",
  "monitoring.appointment.cancelBody":
    "The {what} of {when} will leave your list. This cannot be undone; you can add it again.",
  "monitoring.appointment.cancelConfirm": "Cancel appointment",
  "monitoring.appointment.cancelled": "Appointment cancelled.",

  "monitoring.units": "Units",
  "monitoring.units.hint":
    "How Trellis shows weight and blood results. Results keep the unit you entered them in; charts use yours.",
  "monitoring.units.weightUnit": "Weight",
  "monitoring.units.e2Unit": "Estradiol (E2)",
  "monitoring.units.p4Unit": "Progesterone (P4)",
  "monitoring.units.amhUnit": "AMH",
  "monitoring.units.save": "Save units",
  "monitoring.units.saved": "Units saved.",
  "monitoring.units.savedHere": "Units saved on this device.",
  "monitoring.units.here": "Use these units on this device only",
  "monitoring.units.here.hint":
    "Off: everyone who shares this record sees the same units. On: only this device changes.",
  "monitoring.units.viewerHere":
    "These units are for this device only: the record you are reading keeps its own.",
  "monitoring.units.unchanged": "Nothing changed.",
} as const;
