import type { Note } from "./estimate.ts";

/**
 * The words that go with an answer: what it assumes and what it does not
 * know. Plain and kind; never advice. Each has a stable id so a screen can
 * choose which to show first.
 */

const pct = (x: number) => `${Math.round(x * 100)}%`;

export const notes = {
  notAdvice: (): Note => ({
    id: "not-medical-advice",
    text: "This is not medical advice; your clinic knows things this model does not.",
  }),
  rangeMeaning: (): Note => ({
    id: "range-meaning",
    text: "The middle number is what we would expect for 100 people in your place. The range is how sure we can be about your own chance: it combines what the studies leave uncertain with how much people differ from one another. It is not a promise about what will happen.",
  }),
  correlation: (): Note => ({
    id: "same-person",
    text: "Transfers for the same person tend to go alike, because it is the same body each time. So we do not simply multiply chances together; that makes 'at least one' a little lower, and more honest, than a simple calculation.",
  }),
  doesNotKnow: (): Note => ({
    id: "does-not-know",
    text: "The model does not know your diagnosis, your uterus, the sperm used, how your clinic's results compare, or how earlier transfers went. Published figures describe groups of people, not you.",
  }),
  singleTransfers: (): Note => ({
    id: "single-transfers",
    text: "We assume each embryo is transferred on its own, one at a time, until the bank is used. Many people stop after a baby; that does not change the chance of at least one, but 'two' and 'three' assume you keep going.",
  }),
  frozen: (survival: number): Note => ({
    id: "thaw-survival",
    text: `We assume the embryos are frozen: a blastocyst survives thawing about ${pct(survival)} of the time (lab benchmarks). 'Per transfer' means once it has survived and is transferred.`,
  }),
  ageAtTransferGiven: (age: number): Note => ({
    id: "age-at-transfer",
    text: `Egg and embryo quality follow the age at egg retrieval. After a euploid transfer, age still matters a little (Reig 2020); the study could not tell the egg's age from the age at transfer, so for that small effect we used the older of the two (your age at transfer is ${age}), which is the cautious choice.`,
  }),
  ageAtTransferAssumed: (age: number): Note => ({
    id: "age-at-transfer",
    text: `You did not give an age at transfer, so we used ${age}, your age at the most recent retrieval. If you are older now, tell us and the estimate may be a little lower.`,
  }),
  noGrade: (): Note => ({
    id: "no-grade",
    text: "Where no grade was given, we used the typical figure for a blastocyst of that kind.",
  }),
  earlyGrade: (): Note => ({
    id: "early-blastocyst",
    text: "An early blastocyst graded without letters (1 or 2) has no published figure in our sources; we counted it like the lowest grade, which may be too cautious.",
  }),
  untestedGrade: (): Note => ({
    id: "untested-grade",
    text: "For untested embryos we combine the chance of being euploid at that age with what the grade means for euploid embryos. Better-looking embryos are also a little more often euploid, which we do not count, so well-graded untested embryos may do slightly better than shown.",
  }),
  mosaic: (relative: number): Note => ({
    id: "mosaic-assumed",
    text: `Our sources have no figure for mosaic embryos. We assumed a mosaic embryo has about ${pct(relative)} of the chance of a euploid one of the same grade and day: between an untested and a euploid embryo, on the cautious side. The level and type of mosaicism matter; your clinic or a genetic counsellor can say more about yours.`,
  }),
  aneuploid: (): Note => ({
    id: "aneuploid-not-transferred",
    text: "Embryos reported as aneuploid are not usually transferred, so we give them no chance and do not count them as transfers.",
  }),
  day7: (): Note => ({
    id: "day-7",
    text: "Day-7 blastocysts are euploid less often (about 37%); for their chance after transfer we had only the day-6 figure, which may flatter them a little.",
  }),
  youngEuploidy: (): Note => ({
    id: "young-euploidy",
    text: "In the study we use, embryos from people in their early twenties were euploid slightly less often than in the late twenties; we follow it, so for those ages the chance per untested embryo is a little lower than at 28.",
  }),
  eggsByAge: (): Note => ({
    id: "eggs-by-age",
    text: "How the number of eggs falls with age is our assumption, not a published figure we could check (we assumed about 7% fewer eggs per year after 35). Treat the egg numbers as typical, not as yours.",
  }),
  amhOutside: (): Note => ({
    id: "amh-outside-bands",
    text: "Your AMH is outside the range with published egg numbers (0.3-4 ng/mL). We extended the trend, which is a guess; below 0.3 it may still be too hopeful.",
  }),
  amhUsed: (): Note => ({
    id: "amh-used",
    text: "Egg numbers by AMH come from a study of women under 35 that we could not check against the original; we adjust them for age with our own assumption.",
  }),
  sameAge: (): Note => ({
    id: "retrievals-same-age",
    text: "We assume the retrievals happen soon, at your current age. If they are spread over years, later ones may give fewer eggs and fewer euploid embryos.",
  }),
  testingSameBirths: (): Note => ({
    id: "testing-same-births",
    text: "In this model, testing embryos (PGT-A) changes how many transfers it takes and how many embryos are set aside, not how many babies the eggs can give. Testing can also set aside an embryo that would have been fine; we do not count that.",
  }),
  hopeful: (): Note => ({
    id: "hopeful-side",
    text: "We checked estimates like this one against published results that did not go into them. For one retrieval they came within about 5 points of US registry figures at most ages; over several retrievals and from a few frozen eggs they still came out higher, by up to about 10 points for retrievals and 10 to 20 for a few frozen eggs (with many frozen eggs, lower). Read this as an estimate that may lean hopeful, not a cautious one.",
  }),
  labRates: (): Note => ({
    id: "lab-rates",
    text: "Typical lab rates come from studies of people with a good outlook and lab benchmarks; your clinic's own rates may be higher or lower.",
  }),
  personalBeside: (retrievals: number): Note => ({
    id: "personal-beside",
    text: `Your own numbers from ${retrievals === 1 ? "one retrieval" : `${retrievals} retrievals`} are shown beside the typical ones, never instead of them. A few retrievals move the estimate only part of the way toward your own results, because one cycle can be unusually good or hard.`,
  }),
  pastAges: (): Note => ({
    id: "past-ages",
    text: "Where a past retrieval was at a younger age, we adjusted its results to your age now using the typical age curves.",
  }),
  eggFreezing: (survival: number): Note => ({
    id: "egg-freezing",
    text: `We assume all the eggs are thawed (about ${pct(survival)} survive, a typical figure that depends on the lab), fertilized by ICSI, grown to blastocysts, and transferred one at a time until none are left.`,
  }),
  eggTransferAge: (age: number): Note => ({
    id: "age-at-transfer",
    text: `You did not give an age at transfer, so we used the age at freezing (${age}). Age at transfer matters a little after a euploid transfer; if you will be older, tell us.`,
  }),
  framePeople: (retrievals: number): Note => ({
    id: "frame-people-like-me",
    text: `These figures are for people like you who plan this. Some people stop after an attempt that does not work (about 1 in 5 after a first one, 1 in 4 after a second, a few more from 40), so not everyone would reach every planned retrieval.${retrievals === 1 ? " With one retrieval this makes no difference." : ""} 'If I keep going' gives the chance for someone who goes on to every planned retrieval.`,
  }),
  frameKeepGoing: (): Note => ({
    id: "frame-if-i-keep-going",
    text: "These figures assume you would go on to every planned retrieval until a birth. Many people stop earlier, for many good reasons; 'people like me' counts that and is lower.",
  }),
  cancelled: (share: number): Note => ({
    id: "cancelled-cycles",
    text: `About ${pct(share)} of cycles started at this age would be stopped before the egg collection, mostly because too few eggs grow. We count such a cycle as a planned retrieval that gives no eggs. The overall level (about 10 in 100) is from US registry data; how it changes with age and egg numbers is our assumption.`,
  }),
  dayMix: (): Note => ({
    id: "day-mix",
    text: "Not every future blastocyst would be ready on day 5: about 4 in 10 would be day-6 or day-7 ones, which are euploid less often and lead to a birth less often after transfer. We count that mix. Studies disagree on how much less often; we use the larger effect, the same one we use for embryos already in a bank.",
  }),
  blastocystsByAge: (): Note => ({
    id: "blastocysts-by-age",
    text: "Fewer fertilized eggs become blastocysts as age rises. How much before 40 is our assumption: the studies disagree.",
  }),
  personalTransfers: (counted: number, notCounted: number): Note => ({
    id: "personal-transfers",
    text: `${
      counted > 0
        ? `The personal figure also learns from ${counted === 1 ? "one of your own transfers" : `${counted} of your own transfers`}: each says a little about how transfers may go for you. A loss after a heartbeat counts for less than a negative test, because the embryo did implant. The typical figure stays beside it.`
        : "Your own transfers do not change the figures here."
    }${notCounted > 0 ? " A termination for medical reasons says little about the next transfer, so it does not change the estimate." : ""}`,
  }),
  eggFreezingAge: (): Note => ({
    id: "egg-freezing-age",
    text: "Eggs keep the age they were frozen at: embryo quality follows that age, not the age at transfer.",
  }),
} as const;
