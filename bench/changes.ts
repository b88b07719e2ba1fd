/**
 * The input changes the browser benchmarks time (bench/reports.ts, bench/trace-change.ts): on each
 * interactive page one change and the figure it updates, and the floor page's; and the time a
 * change's queries took, from the page's own measures.
 */
import type {Page} from "playwright-core";
import {COMPUTE_MEASURE, QUERY_MEASURE} from "../src/lib/measures.js";
import {choose, coveredLength} from "./site.js";

/**
 * An input change and the figure it updates. `setup` first moves the page away from its default
 * inputs (whose figures come from the build, not from a query); `act(i)` then alternates between
 * two values that are both not the defaults, so every timed change runs its queries.
 */
export interface Change {
  path: string;
  name: string;
  selector: string;
  setup?: (page: Page) => Promise<void>;
  act: (page: Page, i: number) => Promise<void>;
}
const select = (label: string, values: string[]) => (page: Page, i: number) =>
  choose(page.getByLabel(label), [values[i % values.length]]);
// fill() types as a user does: one trusted input event.
const number = (values: number[]) => (page: Page, i: number) =>
  page
    .locator("input[type=number]")
    .first()
    .fill(String(values[i % values.length]));
/** The floor of a change (bench/site.ts UPDATE_FLOOR): one query, one number; never a default value. */
export const FLOOR: Change = {
  path: "update-floor",
  name: "floor: one query, one number",
  selector: "[data-value=floor]",
  act: (page, i) => page.getByLabel(i % 2 ? "2025-07-01" : "2026-01-01").check()
};
export const ALL_CHANGES: Change[] = [
  {
    path: "",
    name: "breakdown",
    selector: "[data-chart=contribution] figure",
    act: select("Break down by", ["Channel", "Gender"])
  },
  {
    path: "cohorts",
    name: "retention mode (quarterly cohorts)",
    selector: "[data-value=retention-1]",
    setup: (page) => page.getByLabel("Quarter").check(),
    act: (page, i) => page.getByLabel(i % 2 ? "Recurring" : "On or after").check()
  },
  {path: "value", name: "top % slider", selector: "[data-value=top-share]", act: number([15, 25])},
  {
    path: "clv",
    name: "breakdown",
    selector: "[data-table=clv-by-group] table",
    act: select("Break down by", ["Region", "Channel"])
  },
  {
    path: "churn",
    name: "breakdown",
    selector: "[data-table=value-at-risk] table",
    act: select("Break down by", ["Region", "Channel"])
  },
  {path: "clusters", name: "k", selector: "[data-table=centres] table", act: number([5, 6])},
  {
    path: "audiences",
    name: "audience update (segments)",
    selector: "[data-value=audience]",
    act: (page, i) =>
      choose(page.getByLabel("Segment", {exact: true}), i % 2 ? ["At Risk", "Hibernating"] : ["Can't Lose", "Lost"])
  },
  {
    path: "campaigns",
    name: "campaign evaluation (response window)",
    selector: "[data-campaign=WINBACK] [data-value=treated-rate]",
    act: select("Response window", ["14 days", "60 days"])
  },
  {
    path: "loyalty",
    name: "tier what-if (Silver threshold)",
    selector: "[data-value=up]",
    act: (page, i) => page.getByLabel(/^Silver from/).fill(String(i % 2 ? 1000 : 1200))
  }
];
/**
 * Work time of the last timed change: the time covered by the query and computation measures that
 * started after its input event (window.editAt, set by timeChange) and ended by the frame showing
 * the new figure.
 */
export const queryTime = async (page: Page, elapsed: number) =>
  // The time covered by at least one query: queries sent together queue in DuckDB-WASM, and
  // each one's measure includes its wait, so their sum would count the same time twice.
  coveredLength(
    await page.evaluate(
      ([names, ms]) => {
        const at = (window as unknown as {editAt: number}).editAt;
        return performance
          .getEntriesByType("measure")
          .filter((e) => (names as readonly string[]).includes(e.name))
          .filter((e) => e.startTime >= at && e.startTime + e.duration <= at + (ms as number) + 1)
          .map((e) => [e.startTime, e.startTime + e.duration] as [number, number]);
      },
      [[QUERY_MEASURE, COMPUTE_MEASURE], elapsed] as const
    )
  );
