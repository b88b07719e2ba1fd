/**
 * The rules lab's evaluation of edited rules: parse, check every condition (tokens first, then
 * DuckDB must type it as one BOOLEAN), then count in one query what the rules do to the
 * customers and how customers move from the baseline rule set. Works with any `query`
 * function (DuckDB-WASM in the page, native DuckDB in tests).
 */
import {RFM_COLUMNS} from "./rfm.js";
import {
  checkCondition,
  conditionSql,
  parseRules,
  ruleCounts,
  ruleCountsSql,
  type Rule,
  type RuleCounts,
  type RuleError
} from "./rules.js";

export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** The lab's inputs: rule text, baseline rule set and population; the key of its build-time result. */
export interface LabInputs {
  text: string;
  baseline: string;
  population: "buyers" | "everyone";
}

/**
 * An edit's cancellation: once `invalidation` settles (Framework re-runs the cell for a newer
 * edit), `superseded()` is true and `signal` aborts, so the edit's counting query is not sent or
 * a running one is cancelled (DuckDB-WASM runs one query at a time; a stale one would delay the new).
 */
export function supersedable(invalidation: Promise<unknown>): {signal: AbortSignal; superseded: () => boolean} {
  const cancel = new AbortController();
  invalidation.then(() => cancel.abort());
  return {signal: cancel.signal, superseded: () => cancel.signal.aborted};
}

export interface LabResult extends RuleCounts {
  rules: Rule[];
  errors: RuleError[];
}

export interface EvaluateOptions {
  /**
   * SQL types of conditions already checked over this source, kept between edits by the page:
   * an edit usually changes one rule, and only new conditions need DuckDB's DESCRIBE.
   */
  types?: Map<string, string>;
  /** True once a newer edit has replaced this one: its counting query is then not sent. */
  superseded?: () => boolean;
}

/** Thrown instead of counting for an edit that a newer one has replaced. */
export class Superseded extends Error {}

/** Evaluates rule text over `source`; on any error, only `errors` (and `rules`) are filled. */
export async function evaluateRules(
  query: Query,
  text: string,
  source: string,
  baseline: Rule[],
  {types = new Map(), superseded = () => false}: EvaluateOptions = {}
): Promise<LabResult> {
  const {rules, errors} = parseRules(text);
  const lines = text.split("\n");
  for (const rule of rules) errors.push(...checkCondition(rule, RFM_COLUMNS, lines[rule.line - 1].trim()));
  if (errors.length === 0 && rules.length > 0) {
    const key = (rule: Rule) => `${source}\u0000${rule.when}`;
    const unknown = rules.filter((r) => !types.has(key(r)));
    // One DESCRIBE types every new condition (one round trip to the DuckDB worker); only when
    // it fails is each rule described alone, to name the one at fault.
    if (unknown.length) {
      const described = await describeAll(query, unknown, source).catch(() => null);
      described?.forEach((type, i) => types.set(key(unknown[i]), type));
    }
    for (const rule of rules) {
      try {
        let type = types.get(key(rule));
        if (type === undefined)
          types.set(
            key(rule),
            (type = String(
              (await query(`DESCRIBE SELECT (${conditionSql(rule.when)}) AS ok FROM (${source}) AS s`))[0]
                ?.column_type ?? ""
            ))
          );
        if (type !== "BOOLEAN")
          errors.push({
            rule: rule.name,
            line: rule.line,
            column: 0,
            message: `the condition is ${type}, not a true/false test`
          });
      } catch (error) {
        errors.push({
          rule: rule.name,
          line: rule.line,
          column: 0,
          message: String((error as Error).message ?? error).split("\n")[0]
        });
      }
    }
  }
  if (rules.length === 0 && errors.length === 0)
    errors.push({rule: "", line: 1, column: 0, message: "no rules: write one per line, `Segment name: condition`"});
  if (errors.length) return {rules, errors, stats: [], unmatched: 0, total: 0, summary: [], migration: []};
  if (superseded()) throw new Superseded("a newer edit replaced this one");
  let rows: Record<string, unknown>[];
  try {
    rows = await query(ruleCountsSql(baseline, rules, source));
  } catch (error) {
    if (superseded()) throw new Superseded("a newer edit replaced this one");
    // A condition that types but fails on some row (a text that is not a date, an overflow):
    // name the rule at fault, so the page keeps its last good result and says which.
    return {
      rules,
      errors: await runTimeErrors(query, rules, source, error),
      stats: [],
      unmatched: 0,
      total: 0,
      summary: [],
      migration: []
    };
  }
  return {rules, errors, ...ruleCounts(baseline, rules, rows)};
}

/** The rules whose condition fails when evaluated over every row (each run alone); else the query's own error. */
async function runTimeErrors(query: Query, rules: Rule[], source: string, error: unknown): Promise<RuleError[]> {
  const errors: RuleError[] = [];
  for (const rule of rules) {
    try {
      await query(`SELECT count(*) FILTER (WHERE (${conditionSql(rule.when)})) AS n FROM (${source}) AS s`);
    } catch (e) {
      errors.push({rule: rule.name, line: rule.line, column: 0, message: firstLine(e)});
    }
  }
  return errors.length ? errors : [{rule: "", line: 1, column: 0, message: firstLine(error)}];
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split("\n")[0];

/** The SQL type of every rule's condition, from one DESCRIBE. */
async function describeAll(query: Query, rules: Rule[], source: string): Promise<string[]> {
  const rows = await query(
    `DESCRIBE SELECT ${rules.map((r, i) => `(${conditionSql(r.when)}) AS c${i}`).join(", ")} FROM (${source}) AS s`
  );
  return rows.map((row) => String(row.column_type));
}
