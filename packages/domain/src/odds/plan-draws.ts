import {
  atLeastAveraged,
  atLeastForPerson,
  bankWorkspace,
  drawBank,
  groupEmbryos,
} from "./bank-draws.ts";
import { PEOPLE_PER_DRAW, PERSON_NODES, personEffect } from "./correlate.ts";
import { cancellation, type Theta } from "./draws.ts";
import { type BankEmbryo, futureEuploidChance } from "./embryo.ts";
import { funnelAt, type RecordedRetrieval, updateFunnel } from "./funnel.ts";
import { type PastTransfer, posteriorFor } from "./past.ts";
import type { PlanFrame } from "./plan.ts";
import { fillSeries, newSeries, type Series, stoppingCurve } from "./plan-series.ts";

/**
 * The retrieval plan over the parameter draws: in each draw the bank's
 * counts, the stopping curve and a new blastocyst's chance, then the typical
 * series and, when the person's own record teaches, the personal one.
 */

/** The plan's series over the parameter draws, and the bank's own chances in each draw. */
export interface PlanDraws {
  readonly population: Series;
  readonly personal: Series | null;
  /** P(at least one), P(at least two) from the bank alone: per draw, then per person. */
  readonly bankAvg: readonly Float64Array[];
  readonly bankPerson: readonly Float64Array[];
}

/**
 * Every parameter draw of a plan: the bank drawn once per draw (and again
 * after the person's own transfers when they teach), the stopping curve, a
 * new blastocyst's chance, then the typical series and, with `history` or
 * counted past transfers, the personal one.
 */
export function drawPlan(
  thetas: readonly Theta[],
  plan: {
    readonly age: number;
    readonly amh: number | null;
    readonly retrievals: number;
    readonly tested: boolean;
    readonly frame: PlanFrame;
    readonly bank: readonly BankEmbryo[];
    readonly history: readonly RecordedRetrieval[] | null;
    readonly past: readonly PastTransfer[];
    readonly counted: number;
  },
): PlanDraws {
  const { age, amh, retrievals, tested, frame, bank, history, past, counted } = plan;
  const D = thetas.length;
  const K = PERSON_NODES.nodes.length;
  const groups = groupEmbryos(bank, age);
  const ws = bankWorkspace(groups);
  const personalWs = counted > 0 ? bankWorkspace(groups) : ws;
  const base = tested
    ? bank.filter((e) => e.pgt === "euploid").length
    : bank.filter((e) => e.pgt !== "aneuploid").length;
  const population = newSeries(retrievals, D);
  const personal = history || counted > 0 ? newSeries(retrievals, D) : null;
  const bankAvg = [new Float64Array(D), new Float64Array(D)];
  const bankPerson = [new Float64Array(D * PEOPLE_PER_DRAW), new Float64Array(D * PEOPLE_PER_DRAW)];
  const chances = new Float64Array(K + PEOPLE_PER_DRAW);
  const ownChances = new Float64Array(K + PEOPLE_PER_DRAW);
  const scratch = new Float64Array(K + PEOPLE_PER_DRAW);
  const tails = new Float64Array(3);

  for (let d = 0; d < D; d++) {
    const t = thetas[d]!;
    const effect = personEffect(t.sigma, t.personZ);
    drawBank(groups, t, effect, ws);
    atLeastAveraged(ws, tails);
    bankAvg[0]![d] = tails[0]!;
    bankAvg[1]![d] = tails[1]!;
    for (let j = 0; j < PEOPLE_PER_DRAW; j++) {
      atLeastForPerson(ws, j, tails);
      bankPerson[0]![d * PEOPLE_PER_DRAW + j] = tails[0]!;
      bankPerson[1]![d * PEOPLE_PER_DRAW + j] = tails[1]!;
    }
    const { going, stop } = stoppingCurve(retrievals, age, t, frame);
    // A new blastocyst: grade unknown, day 5, 6 or 7, transferred at this age.
    futureEuploidChance(age, age, t, effect, chances, scratch);
    const prior = funnelAt(age, amh, t);
    const context = {
      t,
      chances,
      weights: effect.weights,
      bankNode: ws.nodeCounts,
      bankPerson: ws.personCounts,
      base,
      tested,
      going,
      stop,
      cancel: cancellation(t.cancelLevel, t),
    };
    fillSeries(population, d, prior, context);
    if (personal) {
      const funnel = history ? updateFunnel(prior, history, t) : prior;
      if (counted > 0) {
        const own = posteriorFor(past, t, effect);
        drawBank(groups, t, effect, personalWs, own);
        futureEuploidChance(age, age, t, effect, ownChances, scratch, own);
        fillSeries(personal, d, funnel, {
          ...context,
          chances: ownChances,
          weights: own.weights,
          bankNode: personalWs.nodeCounts,
          bankPerson: personalWs.personCounts,
        });
      } else fillSeries(personal, d, funnel, context);
    }
  }
  return { population, personal, bankAvg, bankPerson };
}
