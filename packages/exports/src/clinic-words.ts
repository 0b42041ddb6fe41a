/**
 * The clinic summary's words: one catalogue per language, ICU message syntax
 * ({name}, plurals), formatted with `intl-messageformat`. Dates and numbers
 * are never written into these strings; they come in formatted with `Intl`
 * in the summary's locale. Another language is another object with the same
 * keys (`ClinicWords` makes a missing one a type error), added to
 * `clinicCatalogues`; a caller may also pass its own words.
 *
 * Tone: plain and exact, as a clinic reads it; outcomes in the same words the
 * app uses with the person (see the web app's pregnancy catalogue).
 */

import { IntlMessageFormat } from "intl-messageformat";

const en = {
  "doc.title": "Treatment summary",
  "doc.titleFor": "Treatment summary: {name}",
  "doc.madeOn": "Made on {date} with {app}.",
  "doc.about":
    "This summary comes from the record {name, select, none {the person} other {{name}}} keeps in {app}, and holds what they chose to share. It is a personal record, not a clinical document: please check anything important against the clinic's own records.",
  "doc.page": "Page {page} of {pages}",
  "doc.none": "Nothing recorded.",
  "doc.missing": "–",

  "details.title": "Personal details",
  "details.name": "Name",
  "details.dateOfBirth": "Date of birth",
  "details.age": "{date} (age {age})",
  "details.clinic": "Clinic",
  "details.partner": "Partner",
  "details.noneChosen": "No personal details were chosen for this summary.",

  "treatment.title": "Treatment history",
  "treatment.cycle": "{type}, started {date}",
  "treatment.protocol": "Protocol",
  "treatment.status": "Status",
  "treatment.status.active": "Under way",
  "treatment.status.completed": "Completed",
  "treatment.status.completedOn": "Completed on {date}",
  "treatment.status.cancelled": "Cancelled",
  "treatment.status.cancelledOn": "Cancelled on {date}",
  "treatment.clinic": "Clinic",
  "treatment.doses.caption": "Medicines and doses given",
  "treatment.doses.medicine": "Medicine",
  "treatment.doses.dose": "Dose",
  "treatment.doses.given": "Doses given",
  "treatment.doses.dates": "Dates given",
  "treatment.doses.count":
    "{given, plural, one {# dose} other {# doses}}{notTaken, plural, =0 {} one {, # not taken} other {, # not taken}}",
  "treatment.doses.range": "{from} to {to}",
  "treatment.doses.run": "{dose}: {dates}",
  "treatment.doses.none": "No doses logged.",
  "treatment.trigger": "Trigger",
  "treatment.trigger.logged": "{medicine}, given {time}",
  "treatment.trigger.planned": "{medicine}, planned for {time} (not logged as given)",
  "treatment.funnel.caption": "Eggs and embryos",
  "treatment.funnel.date": "Retrieval",
  "treatment.funnel.eggs": "Eggs",
  "treatment.funnel.mature": "Mature (MII)",
  "treatment.funnel.fertilized": "Fertilised (2PN)",
  "treatment.funnel.blastocysts": "Blastocysts",
  "treatment.funnel.euploid": "Euploid (PGT-A)",
  "treatment.funnel.thaw": "Egg thaw {date}",
  "treatment.funnel.method.icsi": "ICSI",
  "treatment.funnel.method.conventional": "conventional IVF",
  "treatment.funnel.withMethod": "{count} ({method})",

  "cycle.type.stimulation": "Stimulation and egg retrieval",
  "cycle.type.egg-freezing": "Egg freezing",
  "cycle.type.fet-medicated": "Frozen embryo transfer (medicated)",
  "cycle.type.fet-natural": "Frozen embryo transfer (natural)",
  "cycle.type.fresh-transfer": "Fresh transfer",
  "cycle.type.iui": "IUI (insemination)",
  "cycle.type.monitoring": "Monitoring only",
  "cycle.type.carrier-transfer": "Transfer to a gestational carrier",

  "monitoring.title": "Monitoring",
  "monitoring.cycle": "{type}, started {date}",
  "monitoring.other": "Not part of a cycle",
  "monitoring.labs.caption": "Blood tests",
  "monitoring.labs.date": "Date",
  "monitoring.labs.day": "Cycle day",
  "monitoring.labs.test": "Test",
  "monitoring.labs.result": "Result",
  "monitoring.labs.excluded": "{value} (marked as wrong, left out of the chart)",
  "monitoring.scans.caption": "Follicle scans",
  "monitoring.scans.date": "Date",
  "monitoring.scans.day": "Cycle day",
  "monitoring.scans.left": "Left ovary (mm)",
  "monitoring.scans.right": "Right ovary (mm)",
  "monitoring.scans.lining": "Lining (mm)",
  "monitoring.day": "Day {day}",
  "analyte.E2": "Estradiol (E2)",
  "analyte.P4": "Progesterone (P4)",
  "analyte.hCG": "hCG",
  "analyte.AMH": "AMH",
  "analyte.LH": "LH",
  "analyte.FSH": "FSH",

  "chart.e2.title": "Estradiol (E2) by cycle day, in {unit}",
  "chart.e2.alt":
    "Line chart of estradiol by cycle day: {count, plural, one {one result} other {# results}}, from {first} on day {firstDay} to {last} on day {lastDay}; the highest was {max} on day {maxDay}.",
  "chart.e2.legend": "Estradiol",
  "chart.follicles.title": "Follicle sizes by cycle day, in mm",
  "chart.follicles.alt":
    "Chart of follicle sizes at {scans, plural, one {one scan} other {# scans}} from day {firstDay} to day {lastDay}. At the last scan: {count, plural, one {one follicle} other {# follicles}} of 10 mm or more, the largest {lead} mm.",
  "chart.follicles.left": "Left ovary",
  "chart.follicles.right": "Right ovary",
  "chart.follicles.lead": "Largest follicle",
  "chart.axis.day": "Cycle day",

  "embryos.title": "Embryo bank",
  "embryos.caption": "Every embryo recorded, by retrieval",
  "embryos.embryo": "Embryo",
  "embryos.retrieval": "From",
  "embryos.day": "Day",
  "embryos.grade": "Grade",
  "embryos.pgt": "Test result",
  "embryos.status": "Where it is now",
  "embryos.unnamed": "Embryo {n}",
  "embryos.retrievalOn": "Retrieval {date}",
  "embryos.thawOn": "Egg thaw {date}",
  "embryos.pgt.euploid": "Euploid",
  "embryos.pgt.aneuploid": "Aneuploid",
  "embryos.pgt.mosaic": "Mosaic",
  "embryos.pgt.mosaicLevel": "Mosaic ({level, select, low {low level} other {high level}})",
  "embryos.pgt.no-result": "No result",
  "embryos.pgt.unaffected": "Unaffected",
  "embryos.pgt.carrier": "Carrier",
  "embryos.pgt.affected": "Affected",
  "embryos.pgt.a": "PGT-A: {result}",
  "embryos.pgt.m": "PGT-M: {result}",
  "embryos.pgt.none": "Not tested",
  "embryos.status.in-culture": "In culture",
  "embryos.status.frozen": "Frozen",
  "embryos.status.frozenAt": "Frozen at {place}",
  "embryos.status.transferred": "Transferred on {date}",
  "embryos.status.discarded": "Discarded on {date}",
  "embryos.status.notSurvived": "Did not survive the thaw, {date}",
  "embryos.status.donated": "Donated on {date}",
  "embryos.status.shipped": "Shipped to another clinic on {date}",
  "embryos.status.carrier": "Transferred to a carrier on {date}",

  "transfers.title": "Transfers and outcomes",
  "transfers.date": "Date",
  "transfers.embryos": "Embryos",
  "transfers.protocol": "Protocol",
  "transfers.lining": "Lining",
  "transfers.caption": "Every transfer, oldest first",
  "transfers.betas": "Beta hCG (mIU/mL)",
  "transfers.outcome": "Outcome",
  "transfers.embryo": "{name}{grade, select, none {} other { ({grade})}}",
  "transfers.liningMm": "{mm} mm",
  "transfers.planned": "Planned",
  "transfers.carrier": "To {name}, a gestational carrier",
  "transfers.beta": "{date}: {value}",
  "transfers.embryoFrom": "{name} from {date}",
  "transfers.protocol.fresh": "Fresh",
  "transfers.protocol.natural": "Natural cycle",
  "transfers.protocol.modified-natural": "Modified natural cycle",
  "transfers.protocol.medicated": "Medicated cycle",
  "outcome.negative": "Negative",
  "outcome.biochemical": "Biochemical pregnancy (an early loss)",
  "outcome.ectopic": "Ectopic pregnancy",
  "outcome.miscarriage": "Miscarriage",
  "outcome.termination": "Ended for medical reasons",
  "outcome.stillbirth": "Stillbirth",
  "outcome.ongoing": "Ongoing pregnancy",
  "outcome.live-birth": "Birth",
  "outcome.line": "{outcome}, {date}",
  "outcome.line.age":
    "{outcome} at {weeks, plural, one {# week} other {# weeks}} {days, plural, one {# day} other {# days}}, {date}",
  "outcome.babies": "{babies, plural, one {one baby} other {# babies}}",

  "medicines.title": "Medicines",
  "medicines.caption": "Every medicine in a treatment plan",
  "medicines.medicine": "Medicine",
  "medicines.route": "How it is taken",
  "medicines.purpose": "What it is for",
  "medicines.used": "Last planned",
  "route.subcutaneous": "Injection under the skin",
  "route.intramuscular": "Injection into a muscle",
  "route.oral": "By mouth",
  "route.vaginal": "Vaginal",
  "route.transdermal": "Patch or gel on the skin",
  "route.nasal": "Nasal spray",
  "purpose.stimulation": "Stimulation",
  "purpose.antagonist": "Preventing early ovulation (antagonist)",
  "purpose.down-regulation": "Down-regulation",
  "purpose.trigger": "Trigger",
  "purpose.luteal-support": "Luteal support",
  "purpose.estrogen": "Estrogen for the lining",
  "purpose.oral-induction": "Ovulation induction",
  "purpose.pill": "Contraceptive pill before a cycle",
  "purpose.other": "Other",
  "unit.IU": "IU",
  "unit.mg": "mg",
  "unit.mcg": "mcg",
  "unit.mL": "mL",
  "unit.tablet": "{n, plural, one {tablet} other {tablets}}",
  "unit.patch": "{n, plural, one {patch} other {patches}}",
  "unit.spray": "{n, plural, one {spray} other {sprays}}",
  "unit.applicator": "{n, plural, one {applicator} other {applicators}}",
} as const;

/** Every key the summary uses, each with its message in one language. */
export type ClinicWords = Record<keyof typeof en, string>;
export type ClinicWordKey = keyof ClinicWords;

/** The catalogues made so far, by language (the part of the locale before "-"). */
export const clinicCatalogues: Readonly<Record<string, ClinicWords>> = { en };

/** The words for a locale: its language's catalogue, else English. */
export function clinicWordsFor(locale: string): ClinicWords {
  return clinicCatalogues[locale.split("-")[0]!.toLowerCase()] ?? en;
}

export type Say = (key: ClinicWordKey, values?: Record<string, string | number>) => string;

/** A formatter over one catalogue and locale; each message compiled once. */
export function sayWith(words: ClinicWords, locale: string): Say {
  const compiled = new Map<ClinicWordKey, IntlMessageFormat>();
  return (key, values) => {
    let message = compiled.get(key);
    if (!message) {
      message = new IntlMessageFormat(words[key], locale);
      compiled.set(key, message);
    }
    return String(message.format(values));
  };
}
