/**
 * Why something was not saved, in words about what the person typed: one
 * sentence per reason the domain or the device can give (`RefusalReason`,
 * `ClientRefusal`). Typed so that a reason without words fails to compile.
 * Never a field path, never "payload" or "expected", never a bound written
 * like "<=45": bounds are said in words or not at all. Params come from the
 * refusal (`Problem.params`); dates arrive as `YYYY-MM-DD` and are shown the
 * person's way by `refusalText`; a code chosen by (`{status, select, ...}`)
 * has its dashes written as underscores (`in_culture`), as ICU needs.
 */
import type { ClientRefusal } from "@trellis/client";
import type { RefusalReason } from "@trellis/domain";

export type ShownRefusal = RefusalReason | ClientRefusal;

const notHere = "It may have been removed, perhaps on another device.";
const saved = "This is already saved.";

const outcomeWords =
  "{outcome, select, negative {a negative test} biochemical {a biochemical pregnancy} ectopic {an ectopic pregnancy} miscarriage {a miscarriage} termination {an ending for medical reasons} stillbirth {a stillbirth} ongoing {an ongoing pregnancy} live_birth {a birth} other {an outcome}}";

/** An outcome as the transfer list names it, for inside brackets. */
const outcomeName =
  "{outcome, select, negative {negative} biochemical {biochemical pregnancy} ectopic {ectopic pregnancy} miscarriage {miscarriage} termination {ended for medical reasons} stillbirth {stillbirth} ongoing {ongoing pregnancy} live_birth {birth} other {outcome}}";

const countWords =
  "{count, select, survived {{value, plural, one {# egg survived} other {# eggs survived}} the thaw} mature {{value, plural, one {# mature (MII) egg} other {# mature (MII) eggs}}} eggsFrozen {{value, plural, one {# egg} other {# eggs}} frozen} fertilized {{value, plural, one {# normally fertilized (2PN) egg} other {# normally fertilized (2PN) eggs}}} day3 {{value, plural, one {# embryo} other {# embryos}} on day 3} day3Listed {{value, plural, one {# day-3 embryo} other {# day-3 embryos}} listed} blastocysts {{value, plural, one {# blastocyst} other {# blastocysts}}{kept, plural, =0 {} other { and # day-3 embryos}}} biopsied {{value} tested} euploid {{value} euploid} other {{value}}}";

const thanWords =
  "{than, select, retrieved {the {limit} retrieved} thawed {the {limit} thawed} survived {the {limit} that survived the thaw} mature {the {limit} mature (MII) eggs} fertilized {the {limit} normally fertilized (2PN)} couldFertilize {the {limit} eggs that could have fertilized} day3 {the {limit} embryos still developing on day 3} blastocysts {the {limit} blastocysts} biopsied {the {limit} blastocysts tested} other {{limit}}}";

/** One sentence (or two) per reason. */
const reasonWords = {
  required: "This is needed.",
  "not-a-number": "This needs a number.",
  "not-whole": "Use a whole number.",
  "wrong-kind": "This answer is not in a form Trellis can read.",
  "too-small":
    "{bound, select, above {This has to be more than {min, number}.} other {This can't be less than {min, number}.}} Check the number.",
  "too-big":
    "{bound, select, below {This has to be less than {max, number}.} other {This can't be more than {max, number}.}} Check the number.",
  "too-short":
    "{min, plural, one {Please write something here.} other {Please write at least # characters.}}",
  "too-long": "This is longer than Trellis keeps: {max, number} characters at most.",
  "too-few": "{min, plural, one {Add at least one.} other {Add at least #.}}",
  "too-many": "This lists more than Trellis keeps: {max, number} at most.",
  "not-one-of": "Choose one of the options.",
  "invalid-date": "That date can't be right. Check the day, the month and the year.",
  "invalid-time": "That date and time can't be right. Check them.",
  "invalid-time-zone": "Choose a time zone from the list.",
  "invalid-format": "This is not written the way Trellis reads it. Check it.",
  "invalid-id": "Something in this form is out of date. Close it and try again.",
  "unreadable-characters":
    "This has characters that can't be shown, perhaps from pasting. Please type it again.",
  "unknown-field": "This holds something Trellis does not read, so nothing was saved.",
  "invalid-field": "Something here can't be right. Please check it.",
  "nothing-to-change": "There is nothing to change yet.",
  "listed-twice": "The same one is listed twice. Keep one.",
  "unknown-type": "This comes from a newer or different app, and can't be read here.",
  "newer-schema": "This was made by a newer version of Trellis. Update the app to read it.",
  "not-from-device": "This entry does not match the device that made it, so it was not read.",
  "hlc-invalid": "This device's clock is far off. Check its date and time, then try again.",
  "clock-drift": "This device's clock looks wrong. Check its date and time, then try again.",
  "counter-overflow": "Too much was saved at once. Please try again.",
  "no-journey": "Set up your journey first.",
  "journey-exists": "Your journey is already set up. You can change it in Settings.",
  "age-outside-setup-range":
    "Trellis is made for people between {min} and {max}. Check the year of birth.",
  "unknown-country": "Choose a country from the list.",
  "unknown-note": `This note is not in your journal any more. ${notHere}`,
  "duplicate-note": saved,
  "note-deleted": "This note was deleted. Restore it first.",
  "note-not-deleted": "This note is not deleted.",
  "unknown-cycle": `This cycle is not in your record any more. ${notHere}`,
  "duplicate-cycle": saved,
  "cycle-ended": "This cycle already ended on {date}.",
  "before-cycle-start": "This is before the cycle started, on {date}.",
  "before-start":
    "{after, select, medicine_start {{medicine} starts on {date}; a change can't begin earlier.} cycle_start {This date is before the cycle started, on {date}.} in_lab {This date is before the eggs reached the lab, on {date}.} retrieval {This date is before the retrieval, on {date}.} eggs_frozen {This date is before the eggs were frozen, on {date}.} other {This date is before {date}.}}",
  "transfer-plan-needs-stimulation": "Only a stimulation cycle has a fresh or freeze-all plan.",
  "unknown-clinic": `This clinic is not in your record any more. ${notHere}`,
  "unknown-plan-item": `This medicine is not in the plan any more. ${notHere}`,
  "duplicate-plan-item": saved,
  "end-before-start": "The last day is before the first day. Check both.",
  "implausible-dose":
    "{value, number} {unit} is more than any single dose (at most {max, number} {unit}). Check for an extra zero.",
  "wrong-dose-unit": "{medicine} is dosed in {units}, not {unit}.",
  "unknown-dose": `This dose is not in your record any more. ${notHere}`,
  "duplicate-dose": saved,
  "not-planned": "{medicine} is not planned for {date} at {time}.",
  "already-logged": "This dose is already logged. Undo that first to change it.",
  "already-undone": "This was already undone.",
  "amount-only-if-taken": "A dose taken has an amount; a dose skipped has none.",
  "unknown-supply": `This supply is not in your record any more. ${notHere}`,
  "duplicate-supply": saved,
  expired: "This had already expired when it was added. Check the expiry date.",
  "more-than-supplied":
    "More is left ({remaining, number} {unit}) than there was ({quantity, number} {unit}). Check the number.",
  "already-removed": "This was already removed.",
  "duplicate-appointment": saved,
  "unknown-appointment": `This appointment is not in your record any more. ${notHere}`,
  "duplicate-result": saved,
  "unknown-result": `This result is not in your record any more. ${notHere}`,
  "duplicate-scan": saved,
  "unknown-scan": `This scan is not in your record any more. ${notHere}`,
  "empty-scan": "Add at least one measurement: a follicle or the lining.",
  "duplicate-check": saved,
  "unknown-check": `This check is not in your record any more. ${notHere}`,
  "unknown-retrieval": `This retrieval is not in your record any more. ${notHere}`,
  "duplicate-retrieval": saved,
  "unknown-embryo": `This embryo is not in your record any more. ${notHere}`,
  "duplicate-embryo": saved,
  "embryo-not-available":
    "This can't be {doing, select, freeze {frozen} thaw {thawed} move {moved} transfer {transferred} other {recorded}}: {embryo} {status, select, in_culture {is still in the lab} frozen {is frozen} transferred {was already transferred} discarded {was discarded} donated {was donated} shipped {was shipped away} carrier {was already transferred to a carrier} other {is not in the bank}}.",
  "before-last-change": "This date is before the last change to {embryo}, on {date}.",
  "before-retrieval": "On that day {embryo} was not made yet: its eggs reached the lab on {date}.",
  "inconsistent-counts": `The lab counts don't add up: ${countWords} is more than ${thanWords}{frozen, plural, =0 {} other { less the # frozen}}{icsi, plural, =1 {: with ICSI only mature eggs are injected} other {}}. Check the report.`,
  "reason-only-if-discarded": "A reason is given only for embryos that were discarded.",
  "level-only-for-mosaic": "A level is given only for a mosaic result.",
  "not-biopsied":
    "The record says {embryo} was not biopsied, so it has no test result. Correct that first if the lab did biopsy it.",
  "wrong-test-result": "That result is not one a {test} report gives.",
  "survived-only-for-thaw": "Only thawed eggs have a number that survived.",
  "thawed-eggs-fixed":
    "The eggs thawed come from the frozen batches. Remove this thaw and record it again to change them.",
  "no-follicles-for-thaw": "A thaw of frozen eggs has no follicles at trigger.",
  "has-embryos":
    "This {kind, select, thaw {thaw} other {retrieval}} still has {count, plural, one {# embryo} other {# embryos}} in the record. Remove {count, plural, one {it} other {them}} first.",
  "has-thawed-eggs": "Eggs frozen from this retrieval were thawed later. Remove that thaw first.",
  "has-result": "The record has a test result for {embryo}, so it was biopsied.",
  "in-transfer": "A transfer includes {embryo}. Remove that transfer first.",
  "duplicate-batch": saved,
  "frozen-from-thaw": "Eggs are frozen from a retrieval, not from a thaw.",
  "duplicate-thaw": saved,
  "unknown-batch": `These frozen eggs are not in your record any more. ${notHere}`,
  "not-enough-eggs":
    "Only {left, plural, one {# egg} other {# eggs}} of those frozen on {date} {left, plural, one {is} other {are}} still frozen.",
  "duplicate-fee": saved,
  "unknown-fee": `This storage fee is not in your record any more. ${notHere}`,
  "fee-ended": "This storage fee has ended.",
  "nothing-due": "Nothing is due on this storage fee.",
  "not-next-due": "The next unpaid due date of this fee is {date}.",
  "unknown-transfer": `This transfer is not in your record any more. ${notHere}`,
  "duplicate-transfer": "This transfer is already recorded.",
  "transfer-cancelled": "This transfer was cancelled.",
  "not-transferred": "Record the transfer as done first.",
  "unknown-beta": `This beta is not in your record any more. ${notHere}`,
  "duplicate-beta": saved,
  "beta-before-transfer":
    "This date is before the transfer on {date}. Check the date on the lab's report.",
  "beta-in-future": "This date has not come yet. Check the date on the lab's report.",
  "beta-after-outcome": `This date is after what you recorded for this transfer on {date} (${outcomeName}). Check the date on the lab's report.`,
  "beta-long-after-transfer":
    "This date is more than {weeks} weeks after the transfer on {date}. A beta is an early pregnancy test: check the year on the lab's report.",
  "unknown-outcome": `This is not in your record any more. ${notHere}`,
  "duplicate-outcome": saved,
  "outcome-exists": `This transfer already has an outcome (${outcomeName}). Remove it first to change it.`,
  "outcome-before-transfer": "This date is before the transfer on {date}. Check the date.",
  "outcome-in-future": "This date has not come yet. Check the date.",
  "outcome-before-beta":
    "There is a beta on {date}, after this date. Check the date, or delete that beta first if it was entered by mistake.",
  "before-latest": "This is before the latest news, on {date}.",
  "weeks-out-of-range": "Weeks of pregnancy run from 0 to {maxWeeks}. Check the number.",
  "babies-only-for-birth": "The number of babies is given for a birth, and only then.",
  "not-a-loss": `This outcome is ${outcomeWords}, not a loss.`,
  "unknown-remembrance": `This is not in your record any more. ${notHere}`,
  "duplicate-remembrance": saved,
  "empty-remembrance": "Keep a name, a date, a place, a few words or a photo.",
  "anniversary-without-date":
    "A yearly reminder needs the day it remembers. Add that date, or choose the other day.",
  "unknown-path": `This path is not in your record any more. ${notHere}`,
  "duplicate-path": saved,
  "unknown-milestone": `This step is not in your record any more. ${notHere}`,
  "duplicate-milestone": saved,
  "wrong-path-step":
    "{kind, select, adoption {An adoption} other {A carrier}} path has steps of its own. Choose one of them.",
  "removed-clinic": "This clinic was removed. Add it again as a new one.",
  "clinic-needs-name": "Write the clinic's name.",
  "unknown-support-line": `This support line is not in your record any more. ${notHere}`,
  "duplicate-support-line": saved,
  "support-line-unreachable": "Keep a phone number or a website.",
  "phone-characters":
    "A phone number holds only digits, spaces and + - ( ) . /. Put an extension or a menu option in the notes.",
  "phone-plus": "The + goes only at the start, before the country code.",
  "phone-too-few-digits":
    "{digits, plural, =0 {There are no digits here} one {This has # digit} other {This has # digits}}; a phone number has at least 3.",
  "phone-too-many-digits":
    "This has {digits} digits; a phone number has at most 15, with the country code. A digit may be typed twice.",
  "link-not-https":
    "Use the address that starts with https:// (a secure link); Trellis opens only those.",
  "link-invalid":
    "This does not look like a web address. Copying it from the browser's address bar helps.",
  "unknown-cost": `This cost is not in your record any more. ${notHere}`,
  "duplicate-cost": saved,
  "unknown-currency": "Trellis does not know this currency. Choose one from the list.",
  "too-many-decimals":
    "{digits, plural, =0 {Amounts in {currency} have no decimals.} one {Amounts in {currency} have at most # decimal.} other {Amounts in {currency} have at most # decimals.}} Check the number.",
  "coverage-exceeds-amount":
    "What is covered adds up to {covered}, more than the cost itself ({amount}). Check the amounts.",
  "due-needs-date": "Add the day it is due, so Trellis can remind you.",
  "due-with-paid-date": "A cost still due has no paid date yet. Mark it paid, or clear the date.",
  "cost-already-paid": "This cost is already marked paid.",
  "invalid-lab-value": "A lab value needs what was measured, the number and the unit.",
  "unknown-analyte": "Trellis does not know this lab value. Choose one from the list.",
  "missing-unit": "Add the unit: {analyte} is reported in {units}.",
  "wrong-unit": "{analyte} is reported in {units}, not {unit}.",
  "invalid-value": "Use a number, as it is on the lab's report.",
  "negative-value": "A lab value can't be below 0. Check the number.",
  "implausible-value":
    "{value, number} {unit} is more than labs report for {analyte} (up to {max, number} {unit}). Check the number and the unit.",
  "empty-series": "Add at least one beta.",
  "mixed-times": "Give every beta as a date, or every one as a date and time, not a mix.",
  "duplicate-time": "There is already a beta on {at}. Remove it first to change it.",
  "too-close": "Two betas less than an hour apart are one draw. Keep one.",
  "invalid-grade":
    '{why, select, empty {Write the grade as the lab gives it, such as 4AA.} expansion {"{grade}" is not a Gardner grade: the number goes from 1 to 6, as in 4AA.} letters {"{grade}" is not a Gardner grade: the letters go from A to C, as in 4AB.} two_letters {"{grade}": a blastocyst at expansion {expansion} is graded with two letters, such as {expansion}BB.} other {"{grade}" is not a Gardner grade such as 4AA, 5BC or 2.}}',
  "missing-date": "Give a transfer date, the first day of your last period, or a retrieval date.",
  "ambiguous-date":
    "Give just one: a transfer date, the first day of your last period, or a retrieval date.",
  "invalid-embryo-day": "The embryo's day at transfer is 3, 5, 6 or 7.",
  "embryo-day-needs-transfer": "The embryo's day goes with a transfer date.",
  "before-conception":
    "This is before the conception date, {date}, so there are no weeks of pregnancy yet.",
  "after-pregnancy": "This is more than {maxWeeks} weeks and {maxDays} days into the pregnancy.",
  "unknown-symptom": "Trellis does not ask about this.",
  "age-order":
    "{what, select, eggs {The eggs can't have been collected at {age}, after the transfer at {now}.} retrieval {This retrieval is recorded at {age}, older than the age now ({now}).} transfer {This transfer is recorded at {age}, older than the age now ({now}).} other {An embryo comes from eggs collected at {age}, older than the age given ({now}).}}",
  "read-only": "This device can read this journey but not add to it.",
  "storage-failed": "This device could not save it. Check that it has space left, then try again.",
  "not-an-export": "This file is not a Trellis export.",
  "newer-export": "This export comes from a newer Trellis. Update the app first.",
  "no-events": "This export has nothing in it to import.",
  "passphrase-short":
    "{min, plural, other {A passphrase needs at least # characters. A few ordinary words in a row work well.}}",
  "wrong-passphrase":
    "That passphrase does not open this file. Check it and try again (it is case-sensitive). Nothing was changed.",
  "damaged-export": "This locked file is damaged or incomplete, so it cannot be opened.",
  "lock-passphrase-short":
    "{min, plural, other {Please use at least # characters. A PIN of # or more digits is fine.}}",
} as const satisfies Record<ShownRefusal, string>;

/**
 * Where one reason needs other words for one field: the reason, then the end
 * of the field's path as `fieldOf` gives it (`dose.value`, `leftMm`). The
 * longest matching end wins.
 */
const fieldWords = {
  required: {
    title: "Say in a few words what happened.",
    euploid: "Give the number of euploid blastocysts when some were tested.",
    embryoDay: "Which day was the embryo transferred: 3, 5, 6 or 7?",
  },
  "too-small": {
    "dose.value": "A dose can't be zero or less. Check the number on the box.",
    leftMm: "A follicle measures more than 0 mm. Check the number.",
    rightMm: "A follicle measures more than 0 mm. Check the number.",
    liningMm: "The lining measures more than 0 mm. Check the number.",
    "weight.value": "A weight is more than 0. Check the number.",
    age: "The odds are worked out from age {min}.",
    ageAtTransfer: "The odds are worked out from age {min}.",
    ageAtRetrieval: "The odds are worked out from age {min}.",
    ageAtFreezing: "The odds are worked out from age {min}.",
    triggerToProcedureHours:
      "The procedure is at least {min, number} hours after the trigger. Check your clinic's instruction.",
  },
  "too-big": {
    "dose.value": "That is far more than any dose. Check for an extra zero.",
    leftMm: "A follicle is not bigger than {max} mm. Check the number.",
    rightMm: "A follicle is not bigger than {max} mm. Check the number.",
    liningMm: "A lining is not thicker than {max} mm. Check the number.",
    "gestationalAge.weeks": "Weeks of pregnancy go up to {max}. Check the number.",
    "gestationalAge.days": "Days go up to {max}: 7 days make another week.",
    pregnancyWeeks: "Weeks of pregnancy go up to {max}. Check the number.",
    "weight.value": "That is more than a body weight. Check the number and the unit.",
    amh: "AMH here is in ng/mL, up to {max}. A result in pmol/L divided by 7.14 gives ng/mL.",
    age: "The odds are worked out up to age {max}.",
    ageAtTransfer: "The odds are worked out up to age {max}.",
    ageAtRetrieval: "The odds are worked out up to age {max}.",
    ageAtFreezing: "The odds are worked out up to age {max}.",
    triggerToProcedureHours:
      "The procedure is at most {max, number} hours after the trigger. Check your clinic's instruction.",
  },
  "too-few": {
    times: "Add at least one time of day.",
  },
  "invalid-format": {
    currency: "Use the three-letter currency code, such as USD, GBP or AUD.",
    times: "Write a time of day such as 21:00.",
  },
  "before-cycle-start": {
    endedOn: "A cycle can't end before it started, on {date}.",
    on: "This cycle started on {date}; the answer can't be from before.",
    takenAt: "{medicine} can't have been taken before the cycle started, on {date}.",
  },
} as const satisfies { readonly [R in ShownRefusal]?: Readonly<Record<string, string>> };

/** Params a reason's words use that some refusals of it leave out. */
export const refusalDefaults: { readonly [R in ShownRefusal]?: Readonly<Record<string, number>> } =
  {
    "inconsistent-counts": { kept: 0, frozen: 0, icsi: 0 },
  };

type FieldWords = typeof fieldWords;
type FieldKey = {
  [R in keyof FieldWords]: `refusal.${R}@${keyof FieldWords[R] & string}`;
}[keyof FieldWords];

export type RefusalKey = `refusal.${ShownRefusal}` | FieldKey;

const flat: Record<string, string> = {};
for (const [reason, text] of Object.entries(reasonWords)) flat[`refusal.${reason}`] = text;
for (const [reason, fields] of Object.entries(fieldWords)) {
  for (const [field, text] of Object.entries(fields)) flat[`refusal.${reason}@${field}`] = text;
}

/** The refusal words as catalogue entries: `refusal.<reason>` and `refusal.<reason>@<field>`. */
export const refusals = {
  ...(flat as Record<RefusalKey, string>),
  "refusals.unnamedEmbryo": "the day-{day} embryo",
  "refusals.unknown": "This could not be saved. Please check what you entered.",
  "refusals.importEntry":
    "Entry {n, number} of the file can't be read. The file may be damaged, or made by another app.",
};
