/**
 * Audiences on the built site's own tables (native DuckDB over dist's Parquet): the funnel
 * against counts worked out in TypeScript from each customer's labels and attributes, the
 * holdout against the split recomputed with Node's md5, stages against the lifecycle page's
 * stageSql, and consent as a property over random choices: no audience ever holds a customer
 * without marketing consent.
 */
import {createHash} from "node:crypto";
import type {DuckDBConnection} from "@duckdb/node-api";
import {beforeAll, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {
  AUDIENCE_DEFAULTS,
  AUDIENCE_STEPS,
  type AudienceChoices,
  CLV_BANDS,
  RISKS,
  audienceCandidatesSql,
  audienceFunnel,
  audienceFunnelSql,
  audienceRules,
  audienceSql
} from "../../src/lib/audiences.js";
import {FOUR_TYPES, RULE_SETS, STANDARD_RFM, rulesOf} from "../../src/lib/rulesets.js";
import {defaultStageThresholds, STAGES, stageSql} from "../../src/lib/stages.js";
import {siteDatabase} from "../helpers/site-db.js";

let db: DuckDBConnection;
let asOf: string;

interface Candidate {
  customer_key: string;
  segment: string;
  type: string;
  stage: string;
  region: string;
  tier: string;
  gender: string;
  birth_month: number | null;
  risk: string;
  clv_band: string;
  consent: boolean | null;
  opted_out: boolean;
}

beforeAll(async () => {
  db = await siteDatabase();
  [{asOf}] = await queryRows<{asOf: string}>(db, "SELECT CAST(max(day) AS VARCHAR) AS asOf FROM customer_day");
}, 120_000);

const candidatesFor = (choices: AudienceChoices) => audienceCandidatesSql(asOf, audienceRules(choices, 0.5).rules);

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const some = <T>(u: () => number, values: readonly T[], p = 0.4): T[] => values.filter(() => u() < p);

test("the funnel equals counts worked out from each customer's labels", async () => {
  const choices: AudienceChoices = {
    ...AUDIENCE_DEFAULTS,
    segments: ["At Risk", "Can't Lose", "Hibernating", "Lost"],
    types: ["drifting", "churned"],
    stages: ["At risk", "Churned", "Repeat"],
    filters: {gender: ["F"]},
    birthMonths: [1, 2, 3, 4, 5, 6],
    risks: ["at risk"]
  };
  const rows = await queryRows<Candidate>(db, candidatesFor(choices));
  const [funnelRow] = await queryRows<Record<string, number>>(db, audienceFunnelSql(candidatesFor(choices)));
  const funnel = audienceFunnel(funnelRow);
  const keeps: Record<(typeof AUDIENCE_STEPS)[number], (c: Candidate) => boolean> = {
    segment: (c) => choices.segments.includes(c.segment),
    type: (c) => choices.types.includes(c.type),
    stage: (c) => choices.stages.includes(c.stage),
    attributes: (c) => c.gender === "F",
    birthday: (c) => c.birth_month !== null && c.birth_month <= 6,
    prediction: (c) => c.risk === "at risk"
  };
  let left = rows;
  const steps = AUDIENCE_STEPS.map((s) => (left = left.filter(keeps[s])).length);
  expect(funnel.known).toBe(rows.length);
  expect(funnel.steps).toEqual(steps);
  expect(funnel.audience).toBe(left.filter((c) => c.consent === true).length);
  expect(funnel.optedOut).toBe(left.filter((c) => c.opted_out).length);
  expect(funnel.noConsent).toBe(left.filter((c) => c.consent === false && !c.opted_out).length);
  expect(funnel.unknownConsent).toBe(left.filter((c) => c.consent === null).length);
  // Most steps remove someone here, and consent removes some of each kind: the test can tell.
  expect(new Set([funnel.known, ...steps]).size).toBeGreaterThanOrEqual(5);
  expect(Math.min(funnel.optedOut, funnel.noConsent, funnel.unknownConsent)).toBeGreaterThan(0);
  expect(funnel.audience).toBeGreaterThan(50);
});

test("labels: stages are the lifecycle page's, four types and segments the shipped rules', bands and risk the predictions'", async () => {
  const rows = await queryRows<Candidate & {p_alive: number | null}>(db, candidatesFor(AUDIENCE_DEFAULTS));
  const stages = new Map(
    (
      await queryRows<{customer_key: string; stage: string}>(
        db,
        stageSql({asOf, ...defaultStageThresholds(), filters: {}})
      )
    ).map((r) => [r.customer_key, r.stage])
  );
  expect(rows.length).toBe(stages.size);
  for (const r of rows) expect(r.stage).toBe(stages.get(r.customer_key));
  const predictions = new Map(
    (
      await queryRows<{customer_key: string; p_alive: number | null; overdue_days: number; clv_percentile: number}>(
        db,
        "SELECT customer_key, p_alive, overdue_days, clv_percentile FROM predictions"
      )
    ).map((p) => [p.customer_key, p])
  );
  const band = (p?: {clv_percentile: number}) =>
    !p
      ? "no prediction"
      : p.clv_percentile >= 90
        ? "top 10 %"
        : p.clv_percentile >= 70
          ? "70–90 %"
          : p.clv_percentile >= 40
            ? "40–70 %"
            : "bottom 40 %";
  for (const r of rows) {
    const p = predictions.get(r.customer_key);
    expect(r.clv_band).toBe(band(p));
    expect(r.risk).toBe(
      !p ? "no prediction" : (p.p_alive !== null && p.p_alive < 0.5) || p.overdue_days > 0 ? "at risk" : "not at risk"
    );
  }
  expect(new Set(rows.map((r) => r.clv_band))).toEqual(new Set(CLV_BANDS));
  expect(new Set(rows.map((r) => r.risk))).toEqual(new Set(RISKS));
  expect(new Set(rows.map((r) => r.type))).toEqual(new Set(rulesOf(FOUR_TYPES).map((r) => r.name)));
  // The standard segments classify buyers only.
  const prospects = rows.filter((r) => r.stage === "Prospect");
  expect(prospects.length).toBeGreaterThan(0);
  for (const r of prospects) expect(r.segment).toBe("(not in population)");
});

test("the holdout is the first round(share × n) of each segment by md5(seed:key), the same every run", async () => {
  const choices: AudienceChoices = {...AUDIENCE_DEFAULTS, segments: [], types: ["drifting", "churned"]};
  const holdout = {share: 0.15, seed: "spring-2026"};
  const candidates = candidatesFor(choices);
  const rows = await queryRows<{customer_key: string; segment: string; group: string}>(
    db,
    audienceSql(candidates, holdout)
  );
  const again = await queryRows<{customer_key: string; group: string}>(db, audienceSql(candidates, holdout));
  const key = (r: {customer_key: string; group: string}) => `${r.customer_key}:${r.group}`;
  expect(new Set(again.map(key))).toEqual(new Set(rows.map(key)));
  const bySegment = new Map<string, typeof rows>();
  for (const r of rows) bySegment.set(r.segment, [...(bySegment.get(r.segment) ?? []), r]);
  expect(bySegment.size).toBeGreaterThan(3);
  for (const [segment, members] of bySegment) {
    const md5 = (k: string) => createHash("md5").update(`${holdout.seed}:${k}`).digest("hex");
    const ordered = [...members].sort((a, b) => (md5(a.customer_key) < md5(b.customer_key) ? -1 : 1));
    const n = Math.round(members.length * holdout.share);
    const expected = new Set(ordered.slice(0, n).map((r) => r.customer_key));
    const held = new Set(members.filter((r) => r.group === "holdout").map((r) => r.customer_key));
    expect(held, segment).toEqual(expected);
  }
  // Another seed draws another holdout of the same sizes.
  const other = await queryRows<{customer_key: string; group: string}>(
    db,
    audienceSql(candidates, {...holdout, seed: "other"})
  );
  const heldBy = (rs: {customer_key: string; group: string}[]) =>
    rs.filter((r) => r.group === "holdout").map((r) => r.customer_key);
  expect(heldBy(other).length).toBe(heldBy(rows).length);
  expect(new Set(heldBy(other))).not.toEqual(new Set(heldBy(rows)));
});

test("property: over 40 random choices, no audience holds a customer without marketing consent", async () => {
  const consenting = new Set(
    (
      await queryRows<{customer_key: string}>(
        db,
        "SELECT customer_key FROM customers WHERE consent IS TRUE AND NOT opted_out"
      )
    ).map((r) => r.customer_key)
  );
  const choices = await queryRows<{region: string}>(db, "SELECT DISTINCT region FROM customers");
  const u = random(20261202);
  let nonEmpty = 0;
  for (let i = 0; i < 40; i++) {
    const set = RULE_SETS[Math.floor(u() * RULE_SETS.length)];
    const pick: AudienceChoices = {
      ...AUDIENCE_DEFAULTS,
      ruleSet: set.name,
      segments: some(u, [...new Set(rulesOf(set).map((r) => r.name))], 0.3),
      types: some(u, ["loyal", "potential", "drifting", "churned"], 0.5),
      stages: some(u, STAGES, 0.5),
      filters:
        u() < 0.5
          ? {
              region: some(
                u,
                choices.map((c) => c.region),
                0.5
              )
            }
          : {},
      birthMonths: u() < 0.3 ? some(u, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 0.4) : [],
      risks: some(u, RISKS, 0.4),
      clvBands: some(u, CLV_BANDS, 0.3),
      holdout: {share: Math.round(u() * 50) / 100, seed: String(i)}
    };
    const candidates = candidatesFor(pick);
    const audience = await queryRows<{customer_key: string}>(db, audienceSql(candidates, pick.holdout));
    const [funnel] = await queryRows<{audience: number}>(db, audienceFunnelSql(candidates));
    expect(audience.length).toBe(funnel.audience);
    for (const r of audience) expect(consenting.has(r.customer_key), `case ${i}: ${r.customer_key}`).toBe(true);
    if (audience.length > 0) nonEmpty++;
  }
  expect(nonEmpty).toBeGreaterThan(10);
}, 300_000);

test("rules text of the analyst's own segments the audience; a broken rule is reported, not run", () => {
  const custom = audienceRules({...AUDIENCE_DEFAULTS, ruleSet: "custom", rulesText: "Big: revenue >= 5000"}, 0.5);
  expect(custom.errors).toEqual([]);
  expect(custom.rules.segmentRules.map((r) => r.name)).toEqual(["Big"]);
  expect(custom.rules.population).toBe("everyone");
  const broken = audienceRules({...AUDIENCE_DEFAULTS, ruleSet: "custom", rulesText: "Big: revenu >= 5000"}, 0.5);
  expect(broken.errors.length).toBe(1);
  expect(audienceRules(AUDIENCE_DEFAULTS, 0.5).rules.segmentRules).toEqual(rulesOf(STANDARD_RFM));
});
