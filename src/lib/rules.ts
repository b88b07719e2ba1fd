/**
 * The rule engine: a rule set is an ordered list of (segment name, boolean condition over
 * documented customer columns); the first rule that matches a customer names its segment.
 * One module compiles rules to SQL for DuckDB-WASM (pages) and native DuckDB (tests, loaders).
 *
 * Rules are text, one per line, `Name: condition` (lines starting with # are comments), the
 * format teams edit in page source and copy out of the rules lab. A condition is checked token
 * by token before it reaches SQL: only whitelisted columns and functions, numbers, quoted
 * strings, comparison and boolean operators. Anything else (`;`, comments, other functions,
 * unknown names) is refused with its position, so a rule can never be more than one expression.
 */
import {sqlString} from "./sql.js";

export interface Rule {
  name: string;
  when: string;
  /** 1-based line in the rule text. */
  line: number;
}

export interface RuleError {
  rule: string;
  line: number;
  /** 1-based column in the line (0: the whole rule). */
  column: number;
  message: string;
}

const KEYWORDS = new Set(["AND", "OR", "NOT", "IN", "BETWEEN", "IS", "NULL", "TRUE", "FALSE", "LIKE", "CASE", "WHEN", "THEN", "ELSE", "END"]);
const FUNCTIONS = new Set(["abs", "least", "greatest", "coalesce", "round", "lower", "upper"]);
const TOKEN = /\s+|(\d+(?:\.\d+)?)|('(?:[^']|'')*')|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|<>|!=|=|<|>|\+|-|\*|\/|%|\(|\)|,)/y;

/** Parses rule text into rules, with an error for every line that is not `Name: condition`. */
export function parseRules(text: string): {rules: Rule[]; errors: RuleError[]} {
  const rules: Rule[] = [];
  const errors: RuleError[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const colon = line.indexOf(":");
    if (colon <= 0) {
      errors.push({rule: line.slice(0, 30), line: i + 1, column: 1, message: "expected `Segment name: condition`"});
      return;
    }
    const name = line.slice(0, colon).trim();
    const when = line.slice(colon + 1).trim();
    if (when === "") errors.push({rule: name, line: i + 1, column: colon + 2, message: "the condition is empty"});
    else rules.push({name, when, line: i + 1});
  });
  return {rules, errors};
}

/** Rules back in the page-source format. */
export function formatRules(rules: Rule[]): string {
  return rules.map((r) => `${r.name}: ${r.when}`).join("\n");
}

/** Token-level check of one condition against the allowed columns; errors carry positions. */
export function checkCondition(rule: Rule, columns: readonly string[], lineText = `${rule.name}: ${rule.when}`): RuleError[] {
  const offset = lineText.indexOf(rule.when);
  const errors: RuleError[] = [];
  const at = (i: number, message: string) => errors.push({rule: rule.name, line: rule.line, column: offset + i + 1, message});
  let depth = 0;
  TOKEN.lastIndex = 0;
  for (let i = 0; i < rule.when.length; ) {
    if (rule.when.startsWith("--", i) || rule.when.startsWith("/*", i)) {
      at(i, "comments are not allowed in a condition");
      return errors;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(rule.when);
    if (!m) {
      const ch = rule.when[i];
      at(i, ch === ";" ? "`;` is not allowed: a rule is one condition, not statements" : `\`${ch}\` is not allowed in a condition`);
      return errors;
    }
    const [text, , , word, op] = m;
    if (word && !KEYWORDS.has(word.toUpperCase())) {
      const next = rule.when.slice(TOKEN.lastIndex).trimStart();
      if (next.startsWith("(")) {
        if (!FUNCTIONS.has(word.toLowerCase())) at(i, `unknown function ${word} (allowed: ${[...FUNCTIONS].join(", ")})`);
      } else if (!columns.includes(word)) {
        at(i, `unknown column ${word}`);
      }
    }
    if (op === "(") depth++;
    if (op === ")" && --depth < 0) at(i, "unbalanced `)`");
    i += text.length;
  }
  if (depth > 0) at(rule.when.length, "missing `)`");
  return errors;
}

/** CASE expression giving each row the index of the first matching rule (NULL: no rule). */
export function ruleIndexSql(rules: Rule[]): string {
  if (rules.length === 0) return "CAST(NULL AS INTEGER)";
  return `CASE ${rules.map((r, i) => `WHEN (${r.when}) THEN ${i}`).join(" ")} END`;
}

/** CASE expression giving each row its segment name (NULL: no rule matched). */
export function segmentSql(rules: Rule[]): string {
  if (rules.length === 0) return "CAST(NULL AS VARCHAR)";
  return `CASE ${rules.map((r) => `WHEN (${r.when}) THEN ${sqlString(r.name)}`).join(" ")} END`;
}

/**
 * One row of counts over `source`: for rule i, m{i} customers its condition matches and
 * a{i} customers it names (first match), r{i} their revenue in cents; plus unmatched and total.
 */
export function ruleStatsSql(rules: Rule[], source: string): string {
  const parts = rules.flatMap((r, i) => [
    `count(*) FILTER (WHERE (${r.when})) AS m${i}`,
    `count(*) FILTER (WHERE rule_index = ${i}) AS a${i}`,
    `coalesce(sum(revenue_cents) FILTER (WHERE rule_index = ${i}), 0) AS r${i}`
  ]);
  return `SELECT ${[...parts, "count(*) FILTER (WHERE rule_index IS NULL) AS unmatched", "count(*) AS total"].join(", ")}
FROM (SELECT *, ${ruleIndexSql(rules)} AS rule_index FROM (${source}) AS s) AS t`;
}

export interface RuleStat {
  rule: Rule;
  matched: number;
  assigned: number;
  revenue_cents: number;
  /** "matches nobody" | "unreachable: every customer it matches is taken by earlier rules" */
  problem?: string;
}

/** Reads the row of ruleStatsSql into per-rule statistics with their problems flagged. */
export function ruleStats(rules: Rule[], row: Record<string, unknown>): {stats: RuleStat[]; unmatched: number; total: number} {
  const n = (k: string) => Number(row[k] ?? 0);
  const stats = rules.map((rule, i) => {
    const stat: RuleStat = {rule, matched: n(`m${i}`), assigned: n(`a${i}`), revenue_cents: n(`r${i}`)};
    if (stat.matched === 0) stat.problem = "matches nobody";
    else if (stat.assigned === 0) stat.problem = "unreachable: every customer it matches is taken by earlier rules";
    return stat;
  });
  return {stats, unmatched: n("unmatched"), total: n("total")};
}

/** SQL: customers and revenue moving from the baseline segments to the edited ones. */
export function migrationSql(baseline: Rule[], edited: Rule[], source: string): string {
  return `SELECT coalesce(${segmentSql(baseline)}, '(no rule)') AS "from", coalesce(${segmentSql(edited)}, '(no rule)') AS "to",
  CAST(count(*) AS INTEGER) AS customers, CAST(coalesce(sum(revenue_cents), 0) AS BIGINT) AS revenue_cents
FROM (${source}) AS s GROUP BY ALL ORDER BY customers DESC`;
}
