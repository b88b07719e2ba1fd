/**
 * Campaign audiences, as SQL over `customers`, `customer_day` and `predictions` as of the build
 * date: who a set of choices selects, how many each choice removed, consent, and a seeded random
 * holdout stratified by segment.
 *
 * Consent by construction: the audience is the selected customers with marketing consent
 * (consent IS TRUE, which already excludes anyone opted out by the date). Those without consent,
 * opted out, or with an unknown flag are counted, never listed.
 *
 * Holdout: within each segment, customers are ordered by md5(seed:key) and the first
 * round(share × n) are held out. The same seed and audience give the same split in every engine
 * and run (md5 is the same everywhere; DuckDB's hash() changes between versions), and every
 * segment holds out the same share, so uplift by segment is fair too.
 */
import {ATTRIBUTES} from "./attributes.js";
import {riskSql} from "./predictions.js";
import {RFM_COLUMNS, rfmSql} from "./rfm.js";
import {checkCondition, parseRules, segmentSql, type Rule, type RuleError} from "./rules.js";
import {FOUR_TYPES, RULE_SETS, STANDARD_RFM, rulesOf, segmentOptions} from "./rulesets.js";
import {sqlFilters, sqlNumber, sqlString, type Filters} from "./sql.js";
import {defaultStageThresholds, stageCaseSql} from "./stages.js";

export const AUDIENCE_ATTRIBUTES = ATTRIBUTES;
export type AudienceAttribute = (typeof AUDIENCE_ATTRIBUTES)[number];

/** CLV bands by CLV percentile among buyers with a prediction. */
export const CLV_BANDS = ["top 10 %", "70–90 %", "40–70 %", "bottom 40 %", "no prediction"] as const;
/** Churn risk, by either signal (the churn page's model or rule). */
export const RISKS = ["at risk", "not at risk", "no prediction"] as const;

/** What the analyst filters on (each list empty: any); the same on the page and in the SQL. */
export interface AudienceFilters {
  /** Segments of the chosen rules to include. */
  segments: string[];
  /** Clothing-store four types. */
  types: string[];
  /** Lifecycle stages (stages.ts, default thresholds). */
  stages: string[];
  filters: Filters<AudienceAttribute>;
  /** 1–12: birthdays in these months. */
  birthMonths: number[];
  risks: string[];
  clvBands: string[];
  /** Buyers with P(alive) at most this; null: no condition. */
  pAliveMax: number | null;
}

export interface AudienceRules extends AudienceFilters {
  /** Segment by these rules (a shipped set's or the analyst's own, parsed), over this population. */
  segmentRules: Rule[];
  population: "buyers" | "everyone";
  /** The P(alive) threshold of "at risk" (the build's). */
  riskThreshold: number;
}

export interface Holdout {
  /** Share of each segment held out (0 ≤ share ≤ 0.5). */
  share: number;
  seed: string;
}

export const DEFAULT_HOLDOUT: Holdout = {share: 0.1, seed: "1"};

const anyOf = (column: string, values: readonly (string | number)[]) =>
  values.length === 0
    ? "true"
    : `${column} IN (${values.map((v) => (typeof v === "number" ? sqlNumber(v) : sqlString(v))).join(", ")})`;

/** What labels a customer: the segment rules and their population, and the P(alive) threshold of "at risk". */
export type LabelRules = Pick<AudienceRules, "segmentRules" | "population" | "riskThreshold">;

/**
 * SQL: every customer known at `asOf` with their segment, type, stage, CLV band, risk and what
 * the choices filter on. It depends on the rule set only: the page makes a table of it once per
 * rule set, and a change of the other choices scans that table (audienceFlagsSql) instead of
 * scoring a million customers again.
 */
export function audienceLabelsSql(asOf: string, rules: LabelRules): string {
  const scored = rfmSql(segmentOptions(asOf, {}));
  const r = riskSql(rules.riskThreshold);
  const inPopulation = rules.population === "buyers" ? "orders > 0" : "true";
  return `
WITH segmented AS (
  -- Rules read the scored columns by name: segment before joining anything that shares them.
  SELECT *,
    CASE WHEN ${inPopulation} THEN coalesce(${segmentSql(rules.segmentRules)}, '(no rule)') ELSE '(not in population)' END AS segment,
    coalesce(${segmentSql(rulesOf(FOUR_TYPES))}, '(no rule)') AS type
  FROM (${scored}) AS s
), joined AS (
  SELECT s.customer_key, s.consent, s.revenue_cents, s.orders, s.last_purchase, s.recency_days, s.region, s.home_store,
    s.city_tier, s.channel, s.tier, s.age_band, s.gender, s.segment, s.type, s.p_alive, q.overdue_days, q.clv_percentile, q.customer_key IS NOT NULL AS predicted,
    c.birth_month, c.opted_out
  FROM segmented s
  JOIN customers c USING (customer_key)
  LEFT JOIN predictions q USING (customer_key)
)
SELECT * EXCLUDE (last_purchase, overdue_days, clv_percentile, predicted),
  ${stageCaseSql({asOf, ...defaultStageThresholds()})} AS stage,
  CASE WHEN NOT predicted THEN 'no prediction' WHEN clv_percentile >= 90 THEN 'top 10 %'
    WHEN clv_percentile >= 70 THEN '70–90 %' WHEN clv_percentile >= 40 THEN '40–70 %' ELSE 'bottom 40 %' END AS clv_band,
  CASE WHEN NOT predicted THEN 'no prediction' WHEN ${r.model} OR ${r.rule} THEN 'at risk' ELSE 'not at risk' END AS risk
FROM joined`;
}

/**
 * SQL: the rows of `labels` (audienceLabelsSql, or a table made of it) with one boolean per step
 * of the choices, each true when that choice keeps the customer.
 */
export function audienceFlagsSql(labels: string, rules: AudienceRules): string {
  if (rules.pAliveMax !== null) sqlNumber(rules.pAliveMax, "P(alive) limit");
  return `SELECT *,
  ${anyOf("segment", rules.segments)} AS by_segment,
  ${anyOf("type", rules.types)} AS by_type,
  ${anyOf("stage", rules.stages)} AS by_stage,
  true ${sqlFilters(rules.filters, AUDIENCE_ATTRIBUTES)} AS by_attributes,
  coalesce(${anyOf("birth_month", rules.birthMonths)}, false) AS by_birthday,
  ${anyOf("risk", rules.risks)} AND ${anyOf("clv_band", rules.clvBands)}
    AND ${rules.pAliveMax === null ? "true" : `coalesce(p_alive <= ${sqlNumber(rules.pAliveMax)}, false)`} AS by_prediction
FROM (${labels}) AS labels`;
}

/** SQL: the labelled customers with the choices' flags, in one query (tests, the build's default audience). */
export function audienceCandidatesSql(asOf: string, rules: AudienceRules): string {
  return audienceFlagsSql(audienceLabelsSql(asOf, rules), rules);
}

/** The steps of the funnel, in order: each keeps the customers the steps before kept and it keeps. */
export const AUDIENCE_STEPS = ["segment", "type", "stage", "attributes", "birthday", "prediction"] as const;

/** How the choices narrow the customers down, then what consent removes. */
export interface AudienceFunnel {
  known: number;
  /** Customers left after each step (AUDIENCE_STEPS order). */
  steps: number[];
  /** Of the selected: no consent (not opted out), opted out, consent unknown; and the audience. */
  noConsent: number;
  optedOut: number;
  unknownConsent: number;
  audience: number;
  audienceRevenueCents: number;
}

/** SQL: one row, the funnel's counts, over audienceCandidatesSql rows. */
export function audienceFunnelSql(candidates: string): string {
  const upTo = (i: number) =>
    AUDIENCE_STEPS.slice(0, i + 1)
      .map((s) => `by_${s}`)
      .join(" AND ");
  const all = upTo(AUDIENCE_STEPS.length - 1);
  return `SELECT CAST(count(*) AS INTEGER) AS known,
  ${AUDIENCE_STEPS.map((s, i) => `CAST(count(*) FILTER (WHERE ${upTo(i)}) AS INTEGER) AS step_${s}`).join(",\n  ")},
  CAST(count(*) FILTER (WHERE ${all} AND consent = false AND NOT opted_out) AS INTEGER) AS no_consent,
  CAST(count(*) FILTER (WHERE ${all} AND opted_out) AS INTEGER) AS opted_out,
  CAST(count(*) FILTER (WHERE ${all} AND consent IS NULL) AS INTEGER) AS unknown_consent,
  CAST(count(*) FILTER (WHERE ${all} AND consent IS TRUE) AS INTEGER) AS audience,
  CAST(coalesce(sum(revenue_cents) FILTER (WHERE ${all} AND consent IS TRUE), 0) AS BIGINT) AS audience_revenue_cents
FROM (${candidates}) AS c`;
}

/** The funnel row of audienceFunnelSql as an AudienceFunnel. */
export function audienceFunnel(row: Record<string, number>): AudienceFunnel {
  return {
    known: row.known,
    steps: AUDIENCE_STEPS.map((s) => row[`step_${s}`]),
    noConsent: row.no_consent,
    optedOut: row.opted_out,
    unknownConsent: row.unknown_consent,
    audience: row.audience,
    audienceRevenueCents: Number(row.audience_revenue_cents)
  };
}

/**
 * SQL: the audience (selected and consenting), one row per customer with its group
 * ('treatment' | 'holdout') by the seeded stratified split, segment, type, stage and revenue.
 */
export function audienceSql(candidates: string, holdout: Holdout): string {
  if (!(holdout.share >= 0 && holdout.share <= 0.5))
    throw new Error(`the holdout share must be between 0 and 0.5 (got ${holdout.share})`);
  const all = AUDIENCE_STEPS.map((s) => `by_${s}`).join(" AND ");
  return `SELECT customer_key, segment, type, stage, region, revenue_cents, orders,
  CASE WHEN row_number() OVER (PARTITION BY segment ORDER BY md5(${sqlString(`${holdout.seed}:`)} || customer_key))
    <= round(count(*) OVER (PARTITION BY segment) * ${sqlNumber(holdout.share, "holdout share")}) THEN 'holdout' ELSE 'treatment' END AS "group"
FROM (${candidates}) AS c WHERE ${all} AND consent IS TRUE`;
}

/** One segment of the audience: treated and held-out customers, revenue to date. */
export interface AudienceSegment {
  segment: string;
  treatment: number;
  holdout: number;
  revenue_cents: number;
}

/** SQL: AudienceSegment rows over audienceSql rows, largest first. */
export function audienceSegmentsSql(audience: string): string {
  return `SELECT segment, CAST(count(*) FILTER (WHERE "group" = 'treatment') AS INTEGER) AS treatment,
  CAST(count(*) FILTER (WHERE "group" = 'holdout') AS INTEGER) AS holdout, CAST(sum(revenue_cents) AS BIGINT) AS revenue_cents
FROM (${audience}) AS a GROUP BY ALL ORDER BY treatment + holdout DESC, segment`;
}

/** What the JSON spec beside an exported audience holds: enough to rebuild and audit it. */
export interface AudienceSpec {
  format: "workbench-audience/1";
  name: string;
  asOf: string;
  builtAt: string;
  createdAt: string;
  /** The choices as the page states them (rule set or rules text, and each filter). */
  choices: Record<string, unknown>;
  holdout: Holdout;
  counts: {
    audience: number;
    treatment: number;
    holdout: number;
    noConsent: number;
    optedOut: number;
    unknownConsent: number;
  };
  /** Fingerprint of the pseudonym key the keys were made with (not the key): resolving checks it. */
  keyFingerprint: string;
}

/** The audience page's inputs. */
export interface AudienceChoices extends AudienceFilters {
  /** A shipped rule set's name, or CUSTOM_RULES for `rulesText`. */
  ruleSet: string;
  rulesText: string;
  holdout: Holdout;
}

export const CUSTOM_RULES = "custom";

/** What the page opens with: a win-back audience (the standard segments slipping away). */
export const AUDIENCE_DEFAULTS: AudienceChoices = {
  ruleSet: STANDARD_RFM.name,
  rulesText: "",
  segments: ["At Risk", "Can't Lose"],
  types: [],
  stages: [],
  filters: {},
  birthMonths: [],
  risks: [],
  clvBands: [],
  pAliveMax: null,
  holdout: DEFAULT_HOLDOUT
};

/**
 * The choices with every list sorted: a multiple select gives its values in the order of its
 * options, and the same audience must have one key (the build-time result is found by it).
 */
export function normalizeChoices(choices: AudienceChoices): AudienceChoices {
  const sorted = <T extends string | number>(values: T[]) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    ...choices,
    segments: sorted(choices.segments),
    types: sorted(choices.types),
    stages: sorted(choices.stages),
    birthMonths: sorted(choices.birthMonths),
    risks: sorted(choices.risks),
    clvBands: sorted(choices.clvBands),
    filters: Object.fromEntries(Object.entries(choices.filters).map(([k, v]) => [k, sorted(v ?? [])]))
  };
}

/** The values of the page's picks form (birth months only when the data has them; a blank limit is NaN). */
export interface AudiencePicks {
  segments: string[];
  types: string[];
  stages: string[];
  birthMonths?: number[];
  risks: string[];
  clvBands: string[];
  pAliveMax: number;
}

/**
 * The choices the page's inputs make: its rule set (and own rules text), the picks, filters and
 * hold-out forms (the hold-out share in percent). The page's cells and its early queries
 * (early.ts) both read the inputs through this, so both ask for the same SQL.
 */
export function audienceChoices(
  ruleSet: string,
  rulesText: string,
  picks: AudiencePicks,
  filters: Filters<AudienceAttribute>,
  split: {share: number; seed: string}
): AudienceChoices {
  return normalizeChoices({
    ruleSet,
    rulesText: ruleSet === CUSTOM_RULES ? rulesText : "",
    segments: picks.segments,
    types: picks.types,
    stages: picks.stages,
    filters,
    birthMonths: picks.birthMonths ?? [],
    risks: picks.risks,
    clvBands: picks.clvBands,
    // A blank limit is no condition.
    pAliveMax: Number.isFinite(picks.pAliveMax) ? picks.pAliveMax : null,
    holdout: {share: split.share / 100, seed: split.seed}
  });
}

/** The rules the choices select by, or the errors of the analyst's rules text. */
export function audienceRules(
  choices: AudienceChoices,
  riskThreshold: number
): {rules: AudienceRules; errors: RuleError[]} {
  const set = RULE_SETS.find((s) => s.name === choices.ruleSet);
  // The analyst's own rules are checked like the rules lab's: only the scored table's columns and known functions.
  const own = set ? null : parseRules(choices.rulesText);
  const parsed = own
    ? {rules: own.rules, errors: [...own.errors, ...own.rules.flatMap((r) => checkCondition(r, RFM_COLUMNS))]}
    : {rules: rulesOf(set!), errors: []};
  const {ruleSet: _set, rulesText: _text, holdout: _holdout, ...filters} = choices;
  return {
    rules: {...filters, segmentRules: parsed.rules, population: set?.population ?? "everyone", riskThreshold},
    errors: parsed.errors
  };
}

/** What the page shows for a choice of audience (computed at build time for AUDIENCE_DEFAULTS). */
export interface AudienceResult {
  funnel: Record<string, number>;
  segments: AudienceSegment[];
}

/** The names the funnel's rows go by, in the reader's language (messages: audiences). */
export interface FunnelNames {
  known: string;
  steps: Record<string, string>;
  noConsent: string;
  optedOut: string;
  unknownConsent: string;
  audience: string;
}

/** A row of the page's funnel table: the customers left after a step, and those it removed. */
export interface FunnelRow {
  step: string;
  customers?: number;
  removed?: number;
  key?: string;
}

/** The funnel as the page lists it (and its build-time copy, loaders/pages/audiences.ts). */
export function funnelRows(funnel: AudienceFunnel, names: FunnelNames): FunnelRow[] {
  return [
    {step: names.known, customers: funnel.known},
    ...AUDIENCE_STEPS.map((s, i) => ({
      step: names.steps[s],
      customers: funnel.steps[i],
      removed: (i === 0 ? funnel.known : funnel.steps[i - 1]) - funnel.steps[i]
    })),
    {step: names.noConsent, removed: funnel.noConsent, key: "no-consent"},
    {step: names.optedOut, removed: funnel.optedOut, key: "opted-out"},
    {step: names.unknownConsent, removed: funnel.unknownConsent, key: "unknown-consent"},
    {step: names.audience, customers: funnel.audience, key: "audience"}
  ];
}

/** The response rate (per cent) the smallest detectable uplift is first computed for. */
export const DEFAULT_BASELINE_PERCENT = 10;

/** Runs an audience's two queries (audienceQueries); `query` runs SQL in either engine. */
export async function audienceResult(
  query: <T>(sql: string) => Promise<T[]>,
  [funnelSql, segmentsSql]: [funnel: string, segments: string]
): Promise<AudienceResult> {
  const [[funnel], segments] = await Promise.all([
    query<Record<string, number>>(funnelSql),
    query<AudienceSegment>(segmentsSql)
  ]);
  return {funnel, segments};
}

/**
 * The two queries of an audience's figures over `candidates` (audienceCandidatesSql, or a table
 * made of it once): its funnel, and its segments split into treatment and hold-out.
 */
export function audienceQueries(candidates: string, holdout: Holdout): [funnel: string, segments: string] {
  return [audienceFunnelSql(candidates), audienceSegmentsSql(audienceSql(candidates, holdout))];
}
