import {
  type EggFreezingOdds,
  eggFreezingInput,
  eggFreezingOdds,
  FROZEN_EGGS_MAX,
  ODDS_AGE_RANGE,
  type OddsRecord,
} from "@trellis/domain";
import { type ReactNode, useDeferredValue, useId, useMemo, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { Caveat } from "./Caveat.tsx";
import { Chance } from "./IconArray.tsx";
import { Sources } from "./Sources.tsx";
import { AgeField, ageFrom, OddsProblem, WhatIfField, wholeIn } from "./what-if.tsx";
import { frequency, frequencyValues, type Goal, goalWords } from "./words.ts";

const EGGS = { min: 1, max: FROZEN_EGGS_MAX };

/**
 * The egg-freezing calculator: age when the eggs were frozen and how many
 * mature eggs, and the chance of one, two or three babies from them, with
 * the "answers run high" caveat beside the first number. Starts
 * from the eggs still frozen in the record; for everyone else it waits,
 * folded away, with no made-up numbers in it.
 */
export function EggSection({ record }: { record: OddsRecord }) {
  const { t } = useI18n();
  const id = useId();
  const fromRecord = eggFreezingInput(record);
  const [ageText, setAgeText] = useState(String(fromRecord?.ageAtFreezing ?? record.age ?? ""));
  const [eggsText, setEggsText] = useState(fromRecord ? String(fromRecord.matureEggs) : "");
  const age = ageFrom(ageText);
  const eggs = wholeIn(eggsText, EGGS);
  const asked = useMemo(
    () =>
      age !== null && eggs !== null
        ? {
            ageAtFreezing: age,
            matureEggs: eggs,
            ...(record.age !== null &&
              record.age >= age &&
              record.age <= ODDS_AGE_RANGE.max && { ageAtTransfer: record.age }),
          }
        : null,
    [age, eggs, record.age],
  );
  const question = useDeferredValue(asked);
  const result = useMemo(() => (question ? eggFreezingOdds(question) : null), [question]);

  const ages = [...new Set(record.frozenEggs.map((b) => b.ageAtFreezing))];
  const body: ReactNode = (
    <>
      <p className="muted">{t("odds.eggs.intro")}</p>
      {fromRecord && (
        <p className="small">
          {ages.length === 1
            ? t("odds.eggs.fromRecord", { eggs: fromRecord.matureEggs, age: ages[0]! })
            : t("odds.eggs.fromRecordMixed", {
                eggs: fromRecord.matureEggs,
                ages: ages.join(", "),
              })}
        </p>
      )}
      <div className="odds-pair odds-form">
        <AgeField
          id={`${id}-age`}
          label={t("odds.eggs.age")}
          value={ageText}
          onChange={setAgeText}
        />
        <WhatIfField
          id={`${id}-eggs`}
          label={t("odds.eggs.count")}
          value={eggsText}
          onChange={setEggsText}
          usable={eggs !== null}
          wrong={t("odds.eggs.countProblem", { max: FROZEN_EGGS_MAX })}
        />
      </div>
      <OddsProblem problem={result && !result.ok ? result.error : null} />
      {result?.ok && question && (
        <EggAnswer odds={result.value} age={question.ageAtFreezing} eggs={question.matureEggs} />
      )}
    </>
  );

  return (
    <section className="card stack" aria-labelledby={`${id}-eggs-title`}>
      <h2 id={`${id}-eggs-title`}>{t("odds.eggs.title")}</h2>
      {fromRecord ? (
        body
      ) : (
        <details className="odds-eggs-open">
          <summary className="odds-summary">{t("odds.eggs.open")}</summary>
          <div className="stack odds-eggs-body">{body}</div>
        </details>
      )}
    </section>
  );
}

function EggAnswer({ odds, age, eggs }: { odds: EggFreezingOdds; age: number; eggs: number }) {
  const { t } = useI18n();
  const rows: [Goal, EggFreezingOdds["atLeastOne"]][] = [
    ["one", odds.atLeastOne],
    ["two", odds.atLeastTwo],
    ["three", odds.atLeastThree],
  ];
  const perEgg = frequency(odds.perEgg);
  return (
    <div className="stack">
      {rows
        .filter(([, e], i) => i === 0 || e.high > 0)
        .map(([goal, estimate], i) => (
          <Chance
            key={goal}
            estimate={estimate}
            sentence={t("odds.freq.eggs", {
              ...frequencyValues(estimate),
              eggs,
              age,
              goal: goalWords(t, goal),
            })}
            legend={t("odds.icons.legendCentral", { goal: goalWords(t, goal) })}
            {...(i === 0 ? { caveat: <Caveat notes={odds.notes} /> } : { shortRange: true })}
          />
        ))}
      <p className="small">
        {t("odds.freq.perEgg", { n: perEgg.n, low: perEgg.low, high: perEgg.high })}
      </p>
      <Sources sources={odds.sources} notes={odds.notes} />
    </div>
  );
}
