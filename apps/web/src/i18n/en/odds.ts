/**
 * Words for the Odds screen (English). See ../en.ts for the rules. Numbers are
 * natural frequencies first ("about 62 of 100 people"), with the range beside
 * them and what they are out of; percentages only as the small second line.
 *
 * Every chance here is a projection: it says what *would* happen ("about 41
 * would have a baby; about 59 would not"), never "had", which is for what
 * really happened in the person's own record. Both sides are said, and the
 * 80% range has a sentence of its own (`odds.freq.range`). Keys under
 * `odds.freq.` are projections; ../odds-tense.test.ts lists the others.
 */
export const odds = {
  "odds.title": "Odds",
  "odds.intro":
    "Chances of a baby from the embryos you have and the retrievals you might do, each as a range, with where the numbers come from.",
  "odds.notAdvice": "This is not medical advice; your clinic knows things this model does not.",

  "odds.quiet.title": "Odds are hidden while quiet mode is on",
  "odds.quiet.body":
    "Quiet mode keeps chances, due dates and weeks out of sight everywhere in Trellis. Nothing in your record has changed.",
  "odds.quiet.show": "Show the odds",
  "odds.quiet.confirm":
    "Showing the odds turns quiet mode off everywhere in Trellis, so due dates and weeks will show again too. Turn quiet mode off now?",
  "odds.quiet.confirmYes": "Turn quiet mode off",
  "odds.quiet.keep": "Keep quiet mode on",
  "odds.quiet.turnedOff": "Quiet mode is off. You can turn it on again in Settings.",
  "odds.quiet.failed": "Quiet mode could not be turned off: {message}",

  "odds.ask.title": "Numbers about chances are here when you want them",
  "odds.ask.body":
    "After a loss, Trellis keeps chances out of sight until you ask for them. Nothing in your record has changed, and nothing is lost by waiting.",
  "odds.ask.show": "Show the numbers",
  "odds.ask.failed": "The numbers could not be shown: {message}",
  "odds.ask.viewer":
    "Only {name} and partners can choose to show the numbers again. Until then they stay out of sight here too.",
  "odds.ask.viewer.noName":
    "Only the owner and partners can choose to show the numbers again. Until then they stay out of sight here too.",

  "odds.goal.one": "at least one baby",
  "odds.goal.two": "at least two babies",
  "odds.goal.three": "at least three babies",

  "odds.freq.bank":
    "Of 100 people with a bank like yours, {has, select, none {none} fewer {fewer than 1} nearlyAll {nearly all} all {all} other {about {n}}} would have {goal} from it; {not, select, none {none} fewer {fewer than 1} nearlyAll {nearly all} all {all} other {about {rest}}} would not.",
  "odds.freq.eggs":
    "Of 100 people who froze {eggs, plural, one {# mature egg} other {# mature eggs}} at {age}, {has, select, none {none} fewer {fewer than 1} nearlyAll {nearly all} all {all} other {about {n}}} would have {goal} from them; {not, select, none {none} fewer {fewer than 1} nearlyAll {nearly all} all {all} other {about {rest}}} would not.",
  "odds.freq.plan":
    "Of 100 people aged {age} {bank, select, yes {with a bank like yours } other {}}{frame, select, keep {who do {count, plural, one {# {more, select, yes {more } other {}}retrieval} other {all # {more, select, yes {more } other {}}retrievals}}} other {who plan {count, plural, one {# {more, select, yes {more } other {}}retrieval} other {# {more, select, yes {more } other {}}retrievals}}}}, {has, select, none {none} fewer {fewer than 1} nearlyAll {nearly all} all {all} other {about {n}}} would have {goal}; {not, select, none {none} fewer {fewer than 1} nearlyAll {nearly all} all {all} other {about {rest}}} would not.",
  "odds.freq.planOwn":
    "Learning from your own {learned}: of 100 people with results like yours, {has, select, none {none} fewer {fewer than 1} nearlyAll {nearly all} all {all} other {about {n}}} would have {goal}; {not, select, none {none} fewer {fewer than 1} nearlyAll {nearly all} all {all} other {about {rest}}} would not.",
  "odds.freq.bankOwn":
    "Learning from your own {learned}: of 100 people with a bank like yours and results like yours, {has, select, none {none} fewer {fewer than 1} nearlyAll {nearly all} all {all} other {about {n}}} would have {goal} from it; {not, select, none {none} fewer {fewer than 1} nearlyAll {nearly all} all {all} other {about {rest}}} would not.",
  "odds.learnedFrom":
    "{retrievals, plural, =0 {} one {one retrieval} other {# retrievals}}{both, select, yes { and } other {}}{transfers, plural, =0 {} one {one transfer} other {# transfers}}",
  "odds.freq.range":
    "We cannot be exact. Your own chance is most likely {same, select, yes {about {low}} other {between about {low} and {high}}} in 100: the studies leave some things uncertain, and people differ from one another.",
  "odds.freq.rangeShort":
    "For you, most likely {same, select, yes {about {low}} other {between about {low} and {high}}} in 100.",
  "odds.freq.perEgg":
    "Each mature egg frozen: about {n} in 100 would become a baby. Most likely between about {low} and {high} in 100 for eggs like yours.",
  "odds.freq.percent": "{central} (80% range {low} to {high}), {denominator}",
  "odds.freq.notPossible":
    "{goal, select, two {Two babies need} other {Three babies need}} at least {goal, select, two {two} other {three}} embryos that could be transferred; the bank alone has {count}.",

  "odds.icons.legendCentral": "Would have {goal}",
  "odds.icons.legendRange": "The 80% range",

  "odds.denominator.per transfer": "per transfer, once the embryo has survived the thaw",
  "odds.denominator.per embryo in the bank": "per embryo in the bank, counting the thaw",
  "odds.denominator.from this bank": "from this bank",
  "odds.denominator.per retrieval": "per retrieval",
  "odds.denominator.from the bank and the planned retrievals":
    "from the bank and the planned retrievals together",
  "odds.denominator.planned retrievals": "from the planned retrievals",
  "odds.denominator.per egg retrieved": "of the eggs retrieved",
  "odds.denominator.per mature egg": "of the mature eggs",
  "odds.denominator.per fertilized egg (2PN)": "of the fertilized eggs",
  "odds.denominator.per biopsied blastocyst": "of the tested blastocysts",
  "odds.denominator.per mature egg frozen": "per mature egg frozen",
  "odds.denominator.from these eggs": "from these eggs, all thawed and used",

  "odds.sources.summary":
    "Where these numbers come from ({count, plural, one {# source} other {# sources}}) and what they do not know",
  "odds.sources.listTitle": "Sources",
  "odds.sources.tags": "Each source carries a tag for how sure we are of how it was read:",
  "odds.tag.checked": "Checked",
  "odds.tag.secondary": "Secondary",
  "odds.tag.unverified": "Unverified",
  "odds.tag.checked.means": "read against the original study.",
  "odds.tag.secondary.means":
    "read from a source that quotes the study, not from the study itself.",
  "odds.tag.unverified.means":
    "typical practice or our own assumption; read it as typical, not as a fact about you.",
  "odds.sources.notesTitle": "What this assumes and what it does not know",

  "odds.bank.title": "With the embryos in your bank",
  "odds.bank.counted":
    "{count, plural, one {Counting # embryo} other {Counting # embryos}} frozen or in culture: {kinds}.",
  "odds.bank.kind.euploid": "{count} euploid",
  "odds.bank.kind.mosaic": "{count} mosaic",
  "odds.bank.kind.untested": "{count} not tested",
  "odds.bank.kind.aneuploid": "{count} aneuploid, not counted as a transfer",
  "odds.bank.assumes":
    "As if each embryo is transferred on its own, one at a time, until the bank is used{age, select, none {} other {, at your age now ({age})}}.",
  "odds.bank.leftOut.day-3":
    "{count, plural, one {# day-3 embryo is} other {# day-3 embryos are}} not counted: our sources have figures for blastocysts only.",
  "odds.bank.leftOut.pgt-m-affected":
    "{count, plural, one {# embryo is} other {# embryos are}} not counted: PGT-M reported {count, plural, one {it} other {them}} affected, and such embryos are not usually transferred.",
  "odds.bank.leftOut.age-outside":
    "{count, plural, one {# embryo is} other {# embryos are}} not counted: the eggs were collected at an age our sources do not cover ({min} to {max}).",
  "odds.bank.empty":
    "When embryos are frozen or in culture, this shows the chance of one, two or three babies from them. Record a retrieval and the lab's reports under Embryos to start; the plan below works without them.",
  "odds.bank.emptyLink": "Go to Embryos",
  "odds.bank.noTransferable":
    "None of the embryos in your bank would usually be transferred, so the bank alone gives no chance of a baby. The plan below shows what more retrievals could add.",
  "odds.bank.noAge": "Add your date of birth in Settings to see odds from your bank.",

  "odds.embryos.title": "Each embryo, per transfer",
  "odds.embryos.intro":
    "The chance that one transfer of this embryo, once it has survived the thaw, would lead to a baby.",
  "odds.embryos.chartTitle": "Chance of a baby per transfer, of 100 transfers, for each embryo",
  "odds.embryos.summary":
    "{count, plural, one {For this embryo, about {from} of 100 transfers would lead to a baby.} other {Between about {from} and {to} of 100 transfers would lead to a baby, depending on the embryo.}} The lines show each 80% range.",
  "odds.embryos.summaryNone": "None of these embryos would usually be transferred.",
  "odds.embryos.notTransferred":
    "{count, plural, one {# aneuploid embryo is} other {# aneuploid embryos are}} not shown: such embryos are not usually transferred.",
  "odds.embryos.axes":
    "Across: of 100 transfers; the number at the right is the middle value. Lines: the 80% range.",
  "odds.embryos.tableCaption": "Chance of a baby per transfer, for each embryo",
  "odds.embryos.col.embryo": "Embryo",
  "odds.embryos.col.about": "About the embryo",
  "odds.embryos.col.chance": "Of 100 transfers, would lead to a baby",
  "odds.embryos.unnamed": "Day-{day} {grade}",
  "odds.embryos.unnamedNoGrade": "Day-{day} blastocyst",
  "odds.embryos.about":
    "{pgt, select, euploid {euploid} mosaic {mosaic} aneuploid {aneuploid} other {not tested}}, day {day}{grade, select, none {} other {, grade {grade}}}, eggs collected at {age}",
  "odds.embryos.chance": "about {n} (between {low} and {high})",
  "odds.embryos.chanceNone": "not usually transferred",

  "odds.plan.title": "Planning ahead",
  "odds.plan.intro":
    "What if you do more retrievals? The chance of reaching your goal from one retrieval, and how it could grow with more, counting the embryos you already have.",
  "odds.plan.goal": "Your goal",
  "odds.plan.goal.one": "One child",
  "odds.plan.goal.two": "Two children",
  "odds.plan.retrievals": "Retrievals to plan for",
  "odds.plan.retrievals.option": "{count, plural, one {# retrieval} other {# retrievals}}",
  "odds.plan.frame": "Which question?",
  "odds.plan.frame.like-me": "People like me",
  "odds.plan.frame.keep-going": "If I keep going",
  "odds.plan.frameHint":
    "People like me: everyone in your place who plans these retrievals, including those who stop after one that does not work, as many people do. If I keep going: as if every retrieval you plan happens, whatever the earlier ones bring.",
  "odds.plan.tested": "Will the embryos be tested (PGT-A)?",
  "odds.plan.tested.yes": "Tested",
  "odds.plan.tested.no": "Not tested",
  "odds.plan.testedHint":
    "In this model testing changes how many transfers it takes, not how many babies the eggs can give.",
  "odds.plan.age": "Age at the retrievals",
  "odds.plan.ageHint":
    "{age, select, none {Your age now.} other {You are {age} today. Try an older age to see what waiting could mean.}}",
  "odds.plan.ageProblem": "Use a whole number of years from {min} to {max}.",
  "odds.plan.amh": "AMH, if you know it ({unit})",
  "odds.plan.amhFromRecord": "From your record: {value} {unit}, taken {date}.",
  "odds.plan.amhNone": "Without it, the typical number of eggs for your age is used.",
  "odds.plan.amhProblem": "Use a number above 0, such as 1.4.",
  "odds.plan.chartTitle":
    "Chance of {goal, select, two {at least two babies} other {at least one baby}} by the number of retrievals, of 100 people",
  "odds.plan.summary":
    "{bank, select, yes {With your bank alone, about {start} in 100. } other {}}After {count, plural, one {# retrieval} other {# retrievals}}, about {end} in 100; the 80% range is {low} to {high}.",
  "odds.plan.summaryOwn":
    " Learning from your own results: about {end} in 100; the 80% range is {low} to {high}.",
  "odds.plan.legend.typical": "Typical for your age",
  "odds.plan.legend.own": "Learning from your own retrievals",
  "odds.plan.axes":
    "Across: more retrievals (0 is the bank as it is). Up: of 100 people. Shaded: the 80% range.",
  "odds.plan.axesNoBank": "Across: retrievals. Up: of 100 people. Shaded: the 80% range.",
  "odds.plan.tableCaption":
    "Chance of {goal, select, two {at least two babies} other {at least one baby}} by the number of retrievals",
  "odds.plan.col.retrievals": "More retrievals",
  "odds.plan.col.typical": "Typical, of 100 people",
  "odds.plan.col.own": "From your own results, of 100 people",
  "odds.plan.col.embryos":
    "{tested, select, yes {Euploid blastocysts to transfer} other {Blastocysts to transfer}}, on average",
  "odds.plan.row.bank": "0 (the bank as it is)",
  "odds.plan.cell": "about {n} (between {low} and {high})",
  "odds.plan.cellFewer": "fewer than 1 (between {low} and {high})",
  "odds.plan.funnelTitle": "One retrieval, typical and yours",
  "odds.plan.funnelIntro":
    "Your own estimate learns from {count, plural, one {your retrieval} other {your # retrievals}}, shown beside the typical figures, never instead of them.",
  "odds.plan.funnel.step": "Per retrieval",
  "odds.plan.funnel.typical": "Typical at {age}",
  "odds.plan.funnel.own": "Learning from yours",
  "odds.plan.funnel.eggs": "Eggs retrieved",
  "odds.plan.funnel.blastocysts": "Blastocysts",
  "odds.plan.funnel.euploid": "Euploid blastocysts",
  "odds.plan.funnel.range": "{n} ({low} to {high})",
  "odds.plan.leftOut":
    "{count, plural, one {# retrieval does} other {# retrievals do}} not teach your own estimate yet: {reasons}.",
  "odds.plan.leftOut.waiting-for-lab": "waiting for lab reports",
  "odds.plan.leftOut.maturity-unknown": "mature eggs not counted",
  "odds.plan.leftOut.eggs-frozen": "eggs frozen rather than fertilized",
  "odds.plan.leftOut.day-3": "embryos frozen on day 3",
  "odds.plan.leftOut.age-outside": "an age our sources do not cover",
  "odds.plan.computing": "Working it out…",

  "odds.eggs.title": "Frozen eggs",
  "odds.eggs.intro":
    "For eggs frozen to use later: the chance of a baby from them, if every egg is thawed and every embryo transferred one at a time.",
  "odds.eggs.open": "If you froze eggs: try the egg-freezing calculator",
  "odds.eggs.fromRecord":
    "From your record: {eggs, plural, one {# egg} other {# eggs}} still frozen, collected at {age}.",
  "odds.eggs.fromRecordMixed":
    "From your record: {eggs, plural, one {# egg} other {# eggs}} still frozen, collected at ages {ages}. We started from the oldest age, the cautious choice.",
  "odds.eggs.age": "Age when the eggs were frozen",
  "odds.eggs.count": "Mature eggs frozen",
  "odds.eggs.countProblem": "Use a whole number from 1 to {max}.",

  "odds.problem": "These odds cannot be worked out: {message}",
} as const;
