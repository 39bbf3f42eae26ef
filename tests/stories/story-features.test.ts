import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countDocumentFrequencies } from "../../src/stories/document-counts.ts";
import { buildSignatureOf, itemVector, keyOfId, vectorOf } from "../../src/stories/feature-vectors.ts";
import { compareFeatures } from "../../src/stories/similarity.ts";
import {
  cutOpening,
  extractStoryFeatures,
  readOpening,
  type StoryFeatures,
} from "../../src/stories/story-features.ts";
import { removeBoilerplate } from "../../src/summaries/boilerplate.ts";
import { loadStoryItems, STORY_FIXTURES } from "./load-story-fixtures.ts";

const items = loadStoryItems(STORY_FIXTURES);
const features = new Map(STORY_FIXTURES.map((name, i) => [name, extractStoryFeatures(items[i]!)]));
const df = countDocumentFrequencies([...features.values()]);

function score(a: (typeof STORY_FIXTURES)[number], b: (typeof STORY_FIXTURES)[number]): number {
  return compareFeatures(features.get(a)!, features.get(b)!, df).score;
}

describe("story features", () => {
  it("name the same entity alike however an outlet writes it", () => {
    const a = extractStoryFeatures({
      title: "Oracle Corp wins the bid for the American business of TikTok",
      text: "President Donald Trump welcomed the deal between Oracle Corp and ByteDance in the United States.",
      lang: "en",
    });
    const b = extractStoryFeatures({
      title: "Oracle remporte TikTok",
      text: "Donald Trump a salué l'accord entre Oracle et Byte Dance aux États-Unis.",
      lang: "fr",
    });
    for (const key of ["oracle", "donaldtrump", "bytedance", "usa", "tiktok"]) {
      expect(a.entities.has(key), `en has ${key}`).toBe(true);
      expect(b.entities.has(key), `fr has ${key}`).toBe(true);
    }
    expect(a.entities.has("president")).toBe(false);
    expect(a.entities.has("corp")).toBe(false);
  });

  it("ignore the words of a Title Case headline that the article never names", () => {
    const f: StoryFeatures = extractStoryFeatures({
      title: "Walmart Teams Up With Microsoft In Bid For TikTok",
      text: "On Thursday, Walmart said that it is partnering with Microsoft on a bid for TikTok's US operations.",
      lang: "en",
    });
    expect(f.entities.has("walmart")).toBe(true);
    expect(f.entities.has("teams")).toBe(false);
    expect(f.entities.has("bid")).toBe(false);
  });

  it("score the same event from another outlet above a related story naming the same companies", () => {
    expect(score("oracle-verge.en", "oracle-reuters.en")).toBeGreaterThan(
      score("oracle-reuters.en", "oracle-earnings.en"),
    );
    expect(score("oracle-reuters.en", "oracle-lmi.fr")).toBeGreaterThan(
      score("oracle-lmi.fr", "oracle-earnings.en"),
    );
    expect(score("walmart-cnbc.en", "walmart-01net.fr")).toBeGreaterThan(
      score("walmart-cnbc.en", "mayer-guardian.en"),
    );
    expect(score("mayer-guardian.en", "mayer-lesechos.fr")).toBeGreaterThan(
      score("walmart-01net.fr", "mayer-lesechos.fr"),
    );
  });

  it("score unrelated stories near zero", () => {
    expect(score("oracle-verge.en", "nvidia-arm.en")).toBeLessThan(0.1);
    expect(score("oracle-lmi.fr", "teams-lmi.fr")).toBeLessThan(0.15);
  });

  it("are symmetric", () => {
    expect(score("oracle-verge.en", "oracle-lmi.fr")).toBeCloseTo(
      score("oracle-lmi.fr", "oracle-verge.en"),
      10,
    );
  });
});

describe("the opening story features read", () => {
  const sentence = fc
    .array(fc.constantFrom("Oracle", "said", "the", "deal", "TikTok", "on", "Monday", "would", "close"), {
      minLength: 3,
      maxLength: 40,
    })
    .map((words) => `${words.join(" ")}.`);
  const boilerplate = fc.constantFrom(
    "Read more: the week in tech",
    "By Jane Doe",
    "Facebook Twitter LinkedIn Email",
    "(Photo: Getty Images)",
    "",
    "   ",
  );
  const line = fc.oneof(
    { arbitrary: fc.array(sentence, { minLength: 1, maxLength: 12 }).map((s) => s.join(" ")), weight: 3 },
    { arbitrary: boilerplate, weight: 2 },
  );

  it("is the opening of the whole text without its boilerplate, though it reads only the first lines", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 120 }), (lines) => {
        const text = lines.join("\n");
        expect(readOpening(text)).toBe(cutOpening(removeBoilerplate(text)));
      }),
      { numRuns: 300 },
    );
  });
});

const keysOf = (ids: Int32Array) => [...ids].map(keyOfId);

describe("feature vectors of stored items", () => {
  const [item] = loadStoryItems(["oracle-reuters.en"]);

  it("are analysed once per item, and again when another article comes under the same key", () => {
    const first = itemVector(item!);
    expect(itemVector({ ...item! })).toBe(first);
    const other = { ...item!, text: `${item!.text}\nLarry Ellison welcomed the deal.` };
    expect(itemVector(other)).not.toBe(first);
    expect(keysOf(itemVector(other).entities.ids)).toContain("larryellison");
    const retitled = { ...item!, title: `${item!.title}!` };
    expect(itemVector(retitled)).not.toBe(itemVector(other));
    expect(itemVector({ ...item!, lang: "fr" })).not.toBe(itemVector(retitled));
  });

  it("give a signature of the most weighted entities and the mean term weights", () => {
    const a = vectorOf({
      lang: "en",
      terms: new Map([
        ["deal", 1],
        ["bid", 3],
      ]),
      entities: new Map([["oracle", 2]]),
    });
    const b = vectorOf({
      lang: "en",
      terms: new Map([["deal", 3]]),
      entities: new Map([
        ["tiktok", 1],
        ["oracle", 1],
      ]),
    });
    expect(buildSignatureOf([a, b])).toEqual({
      entities: ["oracle", "tiktok"],
      terms: ["deal", "bid"],
      weights: [2, 1.5],
    });
  });
});
