import { alexAfterALoss, fiveYearJourney, type JourneyState, mayaJourney } from "@trellis/domain";

/** Whole journeys the export tests run on. */
export function recordFixtures(): { name: string; state: JourneyState }[] {
  return [
    { name: "Maya's long journey", state: mayaJourney().state },
    {
      name: "a two-cycle stimulation and transfer record",
      state: fiveYearJourney({ cycles: 2 }).recorder.state,
    },
    { name: "Alex after a loss", state: alexAfterALoss().r.state },
  ];
}
