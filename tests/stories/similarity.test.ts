import { describe, expect, it } from "vitest";
import { countDocumentFrequencies } from "../../src/stories/document-counts.ts";
import { vectorOf } from "../../src/stories/feature-vectors.ts";
import { compareVectors, sumOfScores, weightsOf } from "../../src/stories/similarity.ts";
import { extractStoryFeatures } from "../../src/stories/story-features.ts";
import { loadStoryItems, STORY_FIXTURES } from "./load-story-fixtures.ts";

describe("sumOfScores", () => {
  const features = loadStoryItems(STORY_FIXTURES).map(extractStoryFeatures);
  const vectors = features.map(vectorOf);
  const weights = weightsOf(countDocumentFrequencies(features));

  it("adds up the pairwise scores of one article against several, to the bit", () => {
    for (const one of vectors) {
      const others = vectors.filter((v) => v !== one);
      let expected = 0;
      for (const other of others) expected += compareVectors(one, other, weights).score;
      expect(sumOfScores(one, others, weights)).toBe(expected);
      // Twice in a row: nothing of the first call is left behind.
      expect(sumOfScores(one, others, weights)).toBe(expected);
    }
  });

  it("scores an article against itself as identical, and two languages of one event above zero", () => {
    const [verge, , lmi] = vectors;
    expect(sumOfScores(verge!, [verge!, verge!], weights)).toBeCloseTo(2, 10);
    expect(sumOfScores(lmi!, [verge!, lmi!], weights)).toBeGreaterThan(1.2);
  });
});
