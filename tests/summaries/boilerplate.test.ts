import { describe, expect, it } from "vitest";
import { isBoilerplate, removeBoilerplate, stripInlineCredits } from "../../src/summaries/boilerplate.ts";

describe("isBoilerplate", () => {
  it.each([
    ["Suivez-nous", "a follow call (the seed article ends with it)"],
    ["Suivez-nous sur Twitter et LinkedIn", "a follow call with networks"],
    ["Follow us on Twitter for the latest news", "an English follow call"],
    ["Read more: Oracle's cloud business explained", "a read-more teaser"],
    ["Lire aussi : TikTok, le dossier complet", "a French read-also teaser"],
    ["À lire également", "a French teaser with accent"],
    ["We use cookies to improve your experience on our site.", "a cookie banner"],
    ["Nous utilisons des cookies pour vous proposer une expérience adaptée.", "a French cookie banner"],
    ["En poursuivant votre navigation, vous acceptez l'utilisation de cookies.", "a French cookie notice"],
    ["Accept all cookies", "a cookie button"],
    ["Sign up for our newsletter to get the best stories every morning.", "a newsletter call"],
    ["Abonnez-vous à notre newsletter", "a French subscribe call"],
    ["© 2020 Vox Media, LLC. All rights reserved", "a copyright line"],
    ["Tous droits réservés", "a French copyright line"],
    ["By Jacob Kastrenakes", "a byline"],
    ["Par Jacques Cheminat, publié le 14 Septembre 2020", "a French byline"],
    ["Photo: Getty Images", "a photo caption credit"],
    ["Crédit photo : Antonbe / Pixabay", "a French photo credit"],
    ["Image credit: Nvidia", "an image credit line"],
    ["Cet article a été publié initialement sur LeMagIT.", "a republication note"],
    ["This article originally appeared on Recode.", "an English republication note"],
    ["Share this article", "share text"],
    ["Partager sur Facebook", "French share text"],
    ["Facebook Twitter LinkedIn Email", "a row of share buttons"],
    ["Publié le 14/09/2020 à 10h20", "a French dateline"],
    ["Advertisement", "an ad marker"],
  ])("flags %j (%s)", (line) => {
    expect(isBoilerplate(line)).toBe(true);
  });

  it.each([
    "Oracle will become TikTok's trusted technology partner in the US, people familiar with the talks said.",
    "By Friday, ByteDance must present a plan that satisfies the Committee on Foreign Investment.",
    "Par ailleurs, Microsoft a indiqué que ByteDance avait rejeté son offre.",
    "Google said it would phase out third-party cookies in Chrome within two years, worrying advertisers.",
    "Readers of the app will see no change until November, the company said in a blog post.",
    "Ce week-end, Microsoft a en effet annoncé ne pas avoir été retenu par Byte Dance.",
    "Photos and videos remain the heart of the app, TikTok said in its announcement.",
  ])("keeps the article sentence %j", (line) => {
    expect(isBoilerplate(line)).toBe(false);
  });
});

describe("stripInlineCredits", () => {
  it.each([
    [
      "Le deal entre Oracle et Byte Dance. (crédit : Antonbe / Pixabay)",
      "Le deal entre Oracle et Byte Dance.",
    ],
    [
      "Nvidia's CEO Jensen Huang (Photo: Nvidia) spoke on Sunday.",
      "Nvidia's CEO Jensen Huang spoke on Sunday.",
    ],
    [
      "Walmart said on Thursday [Image credit: Walmart] that it would bid.",
      "Walmart said on Thursday that it would bid.",
    ],
    ["Oracle (NYSE: ORCL) rose 2%.", "Oracle (NYSE: ORCL) rose 2%."],
  ])("turns %j into %j", (input, expected) => {
    expect(stripInlineCredits(input)).toBe(expected);
  });
});

describe("removeBoilerplate", () => {
  it("keeps the article's paragraphs and drops the page furniture around them", () => {
    const page = [
      "By Jane Doe",
      "Oracle won the bid. (Photo: Reuters)",
      "Read more: the TikTok saga",
      "Microsoft said ByteDance rejected its offer.",
      "Sign up for our newsletter",
    ].join("\n");
    expect(removeBoilerplate(page)).toBe("Oracle won the bid.\nMicrosoft said ByteDance rejected its offer.");
  });
});
