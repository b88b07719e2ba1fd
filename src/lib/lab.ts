/**
 * The rules lab's evaluation of edited rules: parse, check every condition (tokens first, then
 * DuckDB must type it as one BOOLEAN), then count what the rules do to the customers and how
 * customers move from the baseline rule set. Works with any `query` function (DuckDB-WASM in
 * the page, native DuckDB in tests).
 */
import {RFM_COLUMNS} from "./rfm.js";
import {checkCondition, migrationSql, parseRules, ruleStats, ruleStatsSql, type Rule, type RuleError, type RuleStat} from "./rules.js";
import {segmentSummarySql} from "./segments.js";

export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

export interface LabResult {
  rules: Rule[];
  errors: RuleError[];
  stats: RuleStat[];
  unmatched: number;
  total: number;
  summary: Record<string, unknown>[];
  migration: {from: string; to: string; customers: number; revenue_cents: number}[];
}

/** Evaluates rule text over `source`; on any error, only `errors` (and `rules`) are filled. */
export async function evaluateRules(query: Query, text: string, source: string, baseline: Rule[]): Promise<LabResult> {
  const {rules, errors} = parseRules(text);
  const lines = text.split("\n");
  for (const rule of rules) errors.push(...checkCondition(rule, RFM_COLUMNS, lines[rule.line - 1].trim()));
  if (errors.length === 0 && rules.length > 0) {
    // One DESCRIBE types every condition (one round trip to the DuckDB worker); only when it
    // fails is each rule described alone, to name the one at fault.
    const types = await describeAll(query, rules, source).catch(() => null);
    for (const [i, rule] of rules.entries()) {
      try {
        const type = types?.[i] ?? String((await query(`DESCRIBE SELECT (${rule.when}) AS ok FROM (${source}) AS s`))[0]?.column_type ?? "");
        if (type !== "BOOLEAN") errors.push({rule: rule.name, line: rule.line, column: 0, message: `the condition is ${type}, not a true/false test`});
      } catch (error) {
        errors.push({rule: rule.name, line: rule.line, column: 0, message: String((error as Error).message ?? error).split("\n")[0]});
      }
    }
  }
  if (rules.length === 0 && errors.length === 0) errors.push({rule: "", line: 1, column: 0, message: "no rules: write one per line, `Segment name: condition`"});
  const empty = {rules, errors, stats: [], unmatched: 0, total: 0, summary: [], migration: []};
  if (errors.length) return empty;
  const [[row], summary, migration] = await Promise.all([query(ruleStatsSql(rules, source)), query(segmentSummarySql(source, rules)), query(migrationSql(baseline, rules, source))]);
  return {...empty, ...ruleStats(rules, row), summary, migration: migration as LabResult["migration"]};
}

/** The SQL type of every rule's condition, from one DESCRIBE. */
async function describeAll(query: Query, rules: Rule[], source: string): Promise<string[]> {
  const rows = await query(`DESCRIBE SELECT ${rules.map((r, i) => `(${r.when}) AS c${i}`).join(", ")} FROM (${source}) AS s`);
  return rows.map((row) => String(row.column_type));
}
