// @vitest-environment jsdom
/** Chart components at a width narrower than their margins still draw valid SVG (no negative sizes). */
import {expect, test} from "vitest";
import {ShareBars} from "../../src/components/ShareBars.js";

test("ShareBars at a near-zero width draws no negative-width bar", () => {
  const svg = ShareBars([{group: "A", customers: 3, revenue_cents: 100, customer_share: 0.6, revenue_share: 0.2}, {group: "B", customers: 2, revenue_cents: 400, customer_share: 0.4, revenue_share: 0.8}], {width: 10});
  // Bars have pixel widths (facet backgrounds are "100%").
  const widths = Array.from(svg.querySelectorAll("rect"), (r) => r.getAttribute("width")!).filter((w) => !w.endsWith("%")).map(Number);
  expect(widths.length).toBeGreaterThan(0);
  expect(widths.every((w) => w >= 0)).toBe(true);
});
