// @vitest-environment jsdom
/** Components: charts at a width narrower than their margins still draw valid SVG (no negative sizes); input wrappers. */
import {expect, test} from "vitest";
import {batchedInput} from "../../src/components/batchedInput.js";
import {QualityBars} from "../../src/components/QualityBars.js";
import {ShareBars} from "../../src/components/ShareBars.js";
import {setLocale} from "../../src/lib/locale.js";
import {REASON} from "../../src/lib/quality.js";

// Snapshots in English and yuan; jsdom has no site meta tags (the default would be zh-CN).
setLocale({language: "en", currency: "CNY"});

test("ShareBars at a near-zero width draws no negative-width bar", () => {
  const svg = ShareBars(
    [
      {group: "A", customers: 3, revenue_cents: 100, customer_share: 0.6, revenue_share: 0.2},
      {group: "B", customers: 2, revenue_cents: 400, customer_share: 0.4, revenue_share: 0.8}
    ],
    {width: 10}
  );
  // Bars have pixel widths (facet backgrounds are "100%").
  const widths = Array.from(svg.querySelectorAll("rect"), (r) => r.getAttribute("width")!)
    .filter((w) => !w.endsWith("%"))
    .map(Number);
  expect(widths.length).toBeGreaterThan(0);
  expect(widths.every((w) => w >= 0)).toBe(true);
});

test("QualityBars cuts a long reason to fit its margin; short ones stay whole", () => {
  const svg = QualityBars(
    [
      {outcome: "accepted", reason: null, rows: 10},
      {outcome: "accepted", reason: REASON.identicalKept, rows: 2},
      {outcome: "rejected", reason: REASON.unreadableDate, rows: 1}
    ],
    {width: 640}
  ) as SVGSVGElement;
  const ticks = Array.from(svg.querySelectorAll('[aria-label="y-axis tick label"] text'), (t) => t.textContent);
  expect(ticks).toEqual(["accepted", "identical to an earlier row (kept…", "unreadable date"]);
});

test("batchedInput passes a burst of input events on as one, with the final value, and repeats none", async () => {
  const textarea = Object.assign(document.createElement("textarea"), {value: "a"});
  const input = batchedInput(textarea);
  const seen: string[] = [];
  input.addEventListener("input", () => seen.push(input.value));
  for (const value of ["ab", "abc", "abcd"]) {
    textarea.value = value;
    textarea.dispatchEvent(new Event("input", {bubbles: true}));
  }
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(seen).toEqual(["abcd"]);
  textarea.dispatchEvent(new Event("input", {bubbles: true})); // same value again: nothing new
  await new Promise((resolve) => setTimeout(resolve, 10));
  textarea.value = "x";
  textarea.dispatchEvent(new Event("input", {bubbles: true}));
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(seen).toEqual(["abcd", "x"]);
});
