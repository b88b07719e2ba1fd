/**
 * Build-time copies of a page's first figures (loaders/pages/prerender.ts, dom.ts, languages.ts):
 * written safely into Framework Markdown, with ids of their own, and drawable where Plot needs a
 * canvas jsdom lacks.
 */
import * as Plot from "@observablehq/plot";
import {expect, test} from "vitest";
import {drawn} from "../../loaders/pages/dom.js";
import {inEachLanguage} from "../../loaders/pages/languages.js";
import {prerenderedPage} from "../../loaders/pages/prerender.js";

const TEMPLATE = "# page\n\n<!-- prerendered -->\n<div data-live>\n\n${live}\n\n</div>\n";

test("text from the data cannot become a Framework expression", () => {
  const copies = inEachLanguage(
    {language: "zh-CN", currency: "CNY", highValue: 3000},
    () => "<p>Store ${alert(1)}</p>"
  );
  expect(copies).toHaveLength(2);
  for (const copy of copies) {
    expect(copy).not.toContain("${");
    expect(copy).toContain("Store &#36;{alert(1)}");
  }
});

test("a copy per language in place of the marker, its ids its own, as one HTML block", async () => {
  const figure = '<svg><clipPath id="plot-clip-1"></clipPath>\n\n<g clip-path="url(#plot-clip-1)"></g></svg>';
  const page = await prerenderedPage(TEMPLATE, (language) => `<h1>${language}</h1>${figure}`);
  expect(page).not.toContain("<!-- prerendered -->");
  expect(page).toContain("${live}"); // the page's own expressions stay
  for (const language of ["zh-CN", "en"]) {
    expect(page).toContain(`id="prerendered-${language}-plot-clip-1"`);
    expect(page).toContain(`url(#prerendered-${language}-plot-clip-1)`);
  }
  expect(page).not.toContain('id="plot-clip-1"');
  const copies = page.split("\n").filter((line) => line.startsWith('<div class="prerendered"'));
  expect(copies).toHaveLength(2);
  // No blank line inside a copy: Markdown would end the HTML block there.
  expect(page.slice(page.indexOf('<div class="prerendered"'), page.indexOf("<div data-live>"))).not.toMatch(/\n\s*\n/);
});

test("no copy where the page has no first figure; a template without its marker is an error", async () => {
  expect(await prerenderedPage(TEMPLATE, () => null)).not.toContain("data-prerendered");
  await expect(prerenderedPage("# page\n", () => "<p>x</p>")).rejects.toThrow(/needs a <!-- prerendered --> marker/);
});

test("a continuous colour legend's ramp, which Plot paints on a canvas, is drawn as an SVG image", () => {
  const legend = drawn(() => Plot.legend({color: {type: "linear", domain: [0, 1], scheme: "purples"}}) as Element);
  const href = /href="data:image\/svg\+xml;base64,([^"]+)"/.exec(legend)?.[1];
  expect(href).toBeDefined();
  const ramp = Buffer.from(href ?? "", "base64").toString();
  const fills = [...ramp.matchAll(/<rect x="(\d+)" y="0" width="1" height="1" fill="([^"]+)"\/>/g)];
  expect(fills).toHaveLength(256);
  expect(fills[0][2]).not.toBe(fills[255][2]); // light to dark
});
