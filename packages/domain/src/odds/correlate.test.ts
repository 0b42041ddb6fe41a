import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PEOPLE_PER_DRAW, PERSON_NODES, personEffect, spreadOverPeople } from "./correlate.ts";

const K = PERSON_NODES.nodes.length;

describe("the person-level effect", () => {
  it("keeps each embryo's average chance exactly: the published figure is an average over people", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.95, noNaN: true }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        (p, sigma) => {
          const out = new Float64Array(K + PEOPLE_PER_DRAW);
          const mean = spreadOverPeople(p, personEffect(sigma, 0.7), out, 0);
          expect(mean).toBeCloseTo(p, 12);
          let check = 0;
          for (let k = 0; k < K; k++) check += PERSON_NODES.weights[k]! * out[k]!;
          expect(check).toBeCloseTo(p, 12);
        },
      ),
    );
  });

  it("gives people with a larger effect a larger chance, within 0 and 1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.95, noNaN: true }),
        fc.double({ min: 0.01, max: 1.5, noNaN: true }),
        (p, sigma) => {
          const out = new Float64Array(K + PEOPLE_PER_DRAW);
          spreadOverPeople(p, personEffect(sigma, 1), out, 0);
          const nodes = PERSON_NODES.nodes;
          for (let k = 1; k < K; k++) {
            expect((nodes[k]! - nodes[k - 1]!) * (out[k]! - out[k - 1]!)).toBeGreaterThanOrEqual(0);
          }
          for (let k = 0; k < K + PEOPLE_PER_DRAW; k++) {
            expect(out[k]!).toBeGreaterThanOrEqual(0);
            expect(out[k]!).toBeLessThanOrEqual(1);
          }
          // The two people of a draw are mirror images around the average person.
          expect(out[K]!).toBeGreaterThan(out[K + 1]!);
        },
      ),
    );
  });

  it("with no spread between people, every person has the published chance", () => {
    const out = new Float64Array(K + PEOPLE_PER_DRAW);
    spreadOverPeople(0.37, personEffect(0, 1.3), out, 0);
    expect([...out]).toEqual(new Array(K + PEOPLE_PER_DRAW).fill(0.37));
  });

  it("makes a second success after a failure less likely than the first, as seen after euploid transfers", () => {
    // With a first-transfer chance of 64.8% (Pirtea 2021), the chance at the second transfer after a failure.
    const out = new Float64Array(K + PEOPLE_PER_DRAW);
    spreadOverPeople(0.648, personEffect(0.87, 0), out, 0);
    let failThenSucceed = 0;
    for (let k = 0; k < K; k++)
      failThenSucceed += PERSON_NODES.weights[k]! * (1 - out[k]!) * out[k]!;
    const second = failThenSucceed / (1 - 0.648);
    expect(second).toBeLessThan(0.648);
    expect(second).toBeGreaterThan(0.5);
  });
});
