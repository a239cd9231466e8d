import { describe, expect, it } from "vitest";
import {
  CONSISTENCY_MULTIPLIER,
  INITIAL_CONSISTENCY,
  isRecovery,
  updateConsistency,
  type ConsistencyState,
} from "./consistency.ts";
import { reducedFraction } from "./fraction.ts";
import type { Fraction } from "./model.ts";

const f = (num: number, den: number): Fraction => reducedFraction(BigInt(num), BigInt(den));
const M = 0.9480775143391714; // 0.5^(1/13)

describe("updateConsistency", () => {
  it("uses Loop's daily multiplier", () => {
    expect(CONSISTENCY_MULTIPLIER).toBeCloseTo(M, 15);
  });

  it.each<[string, Fraction[], number, boolean[]]>([
    ["starts at the first raw", [f(3, 5)], 0.6, [false]],
    // 0.6·M + 1·(1−M)
    ["one update", [f(3, 5), f(1, 1)], 0.6 * M + (1 - M), [false, false]],
    // 0.4 then 0.9: recovery applies the update twice: (0.4·M + 0.9(1−M))·M + 0.9(1−M)
    [
      "recovery after < 0.5 doubles the update",
      [f(2, 5), f(9, 10)],
      (0.4 * M + 0.9 * (1 - M)) * M + 0.9 * (1 - M),
      [false, true],
    ],
    // exactly 0.5 is not low; exactly 0.8 is high
    ["0.5 then 0.8: no recovery", [f(1, 2), f(4, 5)], 0.5 * M + 0.8 * (1 - M), [false, false]],
    [
      "0.499 then 0.8: recovery",
      [f(499, 1000), f(4, 5)],
      (0.499 * M + 0.8 * (1 - M)) * M + 0.8 * (1 - M),
      [false, true],
    ],
    ["0.4 then 0.79: none", [f(2, 5), f(79, 100)], 0.4 * M + 0.79 * (1 - M), [false, false]],
  ])("%s", (_name, raws, expected, recovering) => {
    let state: ConsistencyState = INITIAL_CONSISTENCY;
    const flags: boolean[] = [];
    for (const raw of raws) {
      const next = updateConsistency(state, raw);
      state = next.state;
      flags.push(next.isRecovering);
    }
    expect(state.consistency).toBeCloseTo(expected, 14);
    expect(flags).toEqual(recovering);
  });

  it("needs a previous scored day", () => {
    expect(isRecovery(null, f(1, 1))).toBe(false);
  });
});
