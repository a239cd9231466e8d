/** The scores-only pass equals the engine's score columns, on the engine's random histories. */
import { addDays, diffDays } from "@atlas/time";
import { describe, expect, it } from "vitest";
import { deriveMember } from "../../derive/derive-member.ts";
import { prng } from "../../prng.ts";
import { randomHistory } from "../../test/random-history.ts";
import { scoreMemberDays } from "./daily-scores.ts";

describe("scoreMemberDays", () => {
  it("equals deriveMember's daily scores on 500 random histories and ranges", () => {
    let compared = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const { history, first, last } = randomHistory(seed);
      const r = prng(seed * 31);
      const span = diffDays(last, first);
      const today = addDays(first, Math.floor(r() * (span + 1)));
      const from = addDays(first, Math.floor(r() * (span + 1)));
      const to = addDays(from, Math.floor(r() * 20));
      const engine = deriveMember(history, { from, to }, { today }).days.map((d) => ({
        localDate: d.localDate,
        scoreNumerator: d.scoreNumerator,
        scoreDenominator: d.scoreDenominator,
        score: d.score,
        dueCount: d.dueCount,
        doneCount: d.doneCount,
      }));
      expect(scoreMemberDays(history, { from, to }, today), `seed ${seed}`).toEqual(engine);
      compared += engine.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
