/**
 * The build-time results the report pages draw first, on the built-in sample: cohort period 0
 * is 100 % for every cohort, revenue retention is not customer retention relabelled, lifecycle
 * counts reconcile month to month, and every stage and segment is populated. Aggregates only.
 */
import {readFileSync} from "node:fs";
import {expect, test} from "vitest";
import type {CohortCell} from "../../src/lib/cohorts.js";
import type {LifecycleMonth} from "../../src/lib/lifecycle.js";
import {STAGES} from "../../src/lib/stages.js";
import {CONTRIBUTION_DIMENSIONS} from "../../src/lib/contribution.js";
import {OVERVIEW_CONTRIBUTION} from "../../src/lib/overview.js";
import {MIGRATION} from "../../src/lib/migration.js";
import {canonicalOptions, type QuerySpec} from "../../src/lib/prepared-key.js";
import {COHORTS} from "../../src/lib/cohorts-page.js";
import {DEMOGRAPHICS} from "../../src/lib/demographics-page.js";
import {LIFECYCLE} from "../../src/lib/lifecycle-page.js";
import {VALUE} from "../../src/lib/value-page.js";
import {PAGE_RULES} from "../../src/lib/proposal.js";
import {rfmInputs} from "../../src/lib/rfm.js";
import {defaultRfmPageInputs, RFM_PAGE_DEFAULTS, rfmPageOptions} from "../../src/lib/rfm-options.js";
import {RULE_SETS} from "../../src/lib/rulesets.js";
import {builtFile} from "../helpers/dist.js";

const report = (name: string) => JSON.parse(readFileSync(builtFile("_file/data", name, ".json"), "utf-8"));

test("cohorts.json: period 0 is 100 % for every cohort; revenue retention differs from customer retention", () => {
  const cells: CohortCell[] = report("cohorts").cohorts.rows;
  const first = cells.filter((c) => c.period === 0);
  expect(first.length).toBeGreaterThan(30);
  expect(first.every((c) => c.retention === 1 && c.revenue_retention === 1)).toBe(true);
  const later = cells.filter((c) => c.period > 0 && c.revenue_retention !== null);
  const differing = later.filter((c) => Math.abs(c.revenue_retention! - c.retention) > 0.005);
  expect(differing.length / later.length).toBeGreaterThan(0.5);
});

test("lifecycle.json: last month's active = this month's returning + dormant, every month", () => {
  const months: LifecycleMonth[] = report("lifecycle").months.rows;
  expect(months.length).toBe(36);
  for (let i = 1; i < months.length; i++) {
    expect(months[i - 1].active, months[i].month).toBe(months[i].returning + months[i].dormant);
    expect(months[i].active).toBe(months[i].new + months[i].returning + months[i].resurrecting);
  }
  const stages: {stage: string}[] = report("lifecycle").stages.rows;
  expect(stages.map((s) => s.stage).sort()).toEqual([...STAGES].sort());
});

test("overview.json holds the breakdown by every attribute, the page's default first (the page has no DuckDB-WASM)", () => {
  const prepared: {options: {dimension: string}; rows: {group: string; customers: number}[]}[] =
    report("overview").contribution;
  expect(canonicalOptions(prepared[0].options)).toBe(canonicalOptions(OVERVIEW_CONTRIBUTION.defaults));
  expect(prepared.map((p) => p.options.dimension).sort()).toEqual([...CONTRIBUTION_DIMENSIONS].sort());
  // Every breakdown counts the same buyers, each in one group.
  const buyers = prepared.map((p) => p.rows.reduce((sum, r) => sum + r.customers, 0));
  expect(new Set(buyers).size).toBe(1);
  for (const p of prepared) expect(new Set(p.rows.map((r) => r.group)).size, p.options.dimension).toBe(p.rows.length);
  expect(prepared[0].rows.length).toBeGreaterThan(1);
});

test("migration.json was prepared for the segment-migration page's defaults", () => {
  const migration = report("migration");
  expect(canonicalOptions(migration.migration.options)).toBe(
    canonicalOptions(MIGRATION(migration.asOf, migration.firstDay).defaults)
  );
  expect(migration.migration.rows.length).toBeGreaterThan(5);
});

// Each interactive page takes its inputs' defaults from its spec and the loader prepares the same
// spec's defaults: a report prepared for anything else would send the first paint to DuckDB-WASM.
test.each([
  ["cohorts", (_asOf: string) => ({cohorts: COHORTS})],
  ["lifecycle", LIFECYCLE],
  ["value", VALUE],
  ["demographics", DEMOGRAPHICS]
] as const)("%s.json was prepared for each of its page's specs' defaults", (name, specs) => {
  const built = report(name);
  const entries = Object.entries(specs(built.asOf) as Record<string, QuerySpec<unknown, unknown>>);
  expect(entries.length).toBeGreaterThan(0);
  for (const [key, spec] of entries) {
    // A spec with choices is prepared for each, its defaults first.
    const all: {options: unknown; rows: unknown[]}[] = spec.choices ? built[key] : [built[key]];
    expect(canonicalOptions(all[0].options), `${name}.${key}`).toBe(canonicalOptions(spec.defaults));
    if (spec.choices)
      expect(all.map((p) => canonicalOptions(p.options)).sort(), `${name}.${key}`).toEqual(
        spec.choices.map(canonicalOptions).sort()
      );
    for (const p of all) expect(p.rows.length, `${name}.${key} ${canonicalOptions(p.options)}`).toBeGreaterThan(0);
  }
});

test("rfm.json was prepared for the RFM explorer's defaults", () => {
  const rfm = report("rfm");
  const {rfm: options} = rfmPageOptions(defaultRfmPageInputs(rfm.asOf));
  expect(canonicalOptions(rfm.cells.options)).toBe(canonicalOptions(rfmInputs(options, RFM_PAGE_DEFAULTS.ruleSet)));
  expect(rfm.cells.rows.length).toBeGreaterThan(10);
});

test("rules-lab.json was prepared for the lab's opening rules, baseline and population", () => {
  const lab = report("rules-lab").lab;
  expect(lab.options).toEqual({text: PAGE_RULES, baseline: RULE_SETS[0].name, population: "buyers"});
  const [result] = lab.rows;
  expect(result.errors).toEqual([]);
  expect(result.rules.length).toBe(10);
  expect(result.summary.reduce((s: number, g: {customers: number}) => s + g.customers, 0)).toBe(result.total);
});

test("no report carries a customer key", () => {
  for (const name of [
    "cohorts",
    "lifecycle",
    "value",
    "demographics",
    "rfm",
    "overview",
    "kpis",
    "quality",
    "migration",
    "rules-lab",
    "models"
  ]) {
    expect(readFileSync(builtFile("_file/data", name, ".json"), "utf-8")).not.toMatch(/customer_key|"[0-9a-f]{16}"/);
  }
});
