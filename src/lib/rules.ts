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
import {withShares} from "./shares.js";
import {locale} from "./locale.js";
import {sqlNumber, sqlString} from "./sql.js";

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

const KEYWORDS = new Set([
  "AND",
  "OR",
  "NOT",
  "IN",
  "BETWEEN",
  "IS",
  "NULL",
  "TRUE",
  "FALSE",
  "LIKE",
  "CASE",
  "WHEN",
  "THEN",
  "ELSE",
  "END"
]);
const FUNCTIONS = new Set(["abs", "least", "greatest", "coalesce", "round", "lower", "upper"]);
const TOKEN = /\s+|(\d+(?:\.\d+)?)|('(?:[^']|'')*')|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|<>|!=|=|<|>|\+|-|\*|\/|%|\(|\)|,)/y;

/**
 * Limits that keep one edit from stalling the page: DuckDB-WASM runs one query at a time, and
 * 1,000 rules or one pattern like '%_%_%_%_%b' (backtracking over every customer) kept it busy
 * for minutes while later edits queued behind.
 */
export const LIMITS = {rules: 100, conditionLength: 500, literalLength: 100, wildcards: 8};

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
  if (rules.length > LIMITS.rules) {
    const extra = rules[LIMITS.rules];
    errors.push({
      rule: extra.name,
      line: extra.line,
      column: 0,
      message: `too many rules: ${rules.length}, at most ${LIMITS.rules}`
    });
  }
  return {rules, errors};
}

/** Rules back in the page-source format. */
export function formatRules(rules: Rule[]): string {
  return rules.map((r) => `${r.name}: ${r.when}`).join("\n");
}

/** Token-level check of one condition against the allowed columns; errors carry positions. */
export function checkCondition(
  rule: Rule,
  columns: readonly string[],
  lineText = `${rule.name}: ${rule.when}`
): RuleError[] {
  const offset = lineText.indexOf(rule.when);
  const errors: RuleError[] = [];
  const at = (i: number, message: string) =>
    errors.push({rule: rule.name, line: rule.line, column: offset + i + 1, message});
  if (rule.when.length > LIMITS.conditionLength) {
    at(
      LIMITS.conditionLength,
      `the condition is ${rule.when.length} characters long, at most ${LIMITS.conditionLength}`
    );
    return errors;
  }
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
      at(
        i,
        ch === ";"
          ? "`;` is not allowed: a rule is one condition, not statements"
          : `\`${ch}\` is not allowed in a condition`
      );
      return errors;
    }
    const [text, , literal, word, op] = m;
    if (literal && literal.length - 2 > LIMITS.literalLength)
      at(i, `a text longer than ${LIMITS.literalLength} characters`);
    else if (literal && (literal.match(/[%_]/g)?.length ?? 0) > LIMITS.wildcards)
      at(i, `a pattern with more than ${LIMITS.wildcards} wildcards (% or _): too slow to match`);
    if (word && !KEYWORDS.has(word.toUpperCase())) {
      const next = rule.when.slice(TOKEN.lastIndex).trimStart();
      if (next.startsWith("(")) {
        if (!FUNCTIONS.has(word.toLowerCase()))
          at(i, `unknown function ${word} (allowed: ${[...FUNCTIONS].join(", ")})`);
      } else if (!columns.includes(word) && !(RULE_CONSTANTS as readonly string[]).includes(word)) {
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

/**
 * Names a condition may use besides columns, each a number of the site: `high_value`, the revenue
 * from which a customer is high value (workbench.config.ts `highValue`, in the site's currency), so
 * that a rule set such as the four types means the same in any currency.
 */
export const RULE_CONSTANTS = ["high_value"] as const;

/** A checked condition as SQL: each constant replaced by its value (text in quotes left alone). */
export function conditionSql(when: string): string {
  const value = sqlNumber(locale().highValue, "high value");
  return when.replace(/('(?:[^']|'')*')|\bhigh_value\b/g, (_, literal) => literal ?? `(${value})`);
}

/** CASE expression giving each row the index of the first matching rule (NULL: no rule). */
export function ruleIndexSql(rules: Rule[]): string {
  if (rules.length === 0) return "CAST(NULL AS INTEGER)";
  return `CASE ${rules.map((r, i) => `WHEN (${conditionSql(r.when)}) THEN ${i}`).join(" ")} END`;
}

/** CASE expression giving each row its segment name (NULL: no rule matched). */
export function segmentSql(rules: Rule[]): string {
  if (rules.length === 0) return "CAST(NULL AS VARCHAR)";
  return `CASE ${rules.map((r) => `WHEN (${conditionSql(r.when)}) THEN ${sqlString(r.name)}`).join(" ")} END`;
}

/** Customers and revenue of one group: a segment, or a (from, to) pair of segments. */
export interface RuleCount {
  customers: number;
  revenue_cents: number;
}

export interface RuleStat {
  rule: Rule;
  /** Customers the condition is true for, whatever earlier rules took. */
  matched: number;
  /** Customers this rule names (its first match), and their revenue. */
  assigned: number;
  revenue_cents: number;
  /** "matches nobody" | "unreachable: every customer it matches is taken by earlier rules" */
  problem?: string;
}

export interface RuleCounts {
  stats: RuleStat[];
  unmatched: number;
  total: number;
  /** Per edited segment (rules sharing a name add up), largest revenue first; "(no rule)" for the unmatched. */
  summary: ({group: string; customer_share: number; revenue_share: number} & RuleCount)[];
  /** Per (baseline segment, edited segment) pair with customers. */
  migration: ({from: string; to: string} & RuleCount)[];
}

/**
 * SQL: everything the rules lab shows, in one scan of `source`. Each customer gets the index
 * of its first baseline rule and first edited rule; every edited condition is evaluated once
 * into a column, then counted per (baseline, edited) pair. At most (baseline rules + 1) ×
 * (edited rules + 1) rows come back; ruleCounts() adds them up into rule statistics, segment
 * sizes and the migration matrix.
 */
export function ruleCountsSql(baseline: Rule[], edited: Rule[], source: string): string {
  const conditions = edited.map((r, i) => `(${conditionSql(r.when)}) AS c${i}`);
  const editedIndex = edited.length
    ? `CASE ${edited.map((_, i) => `WHEN c${i} THEN ${i}`).join(" ")} END`
    : "CAST(NULL AS INTEGER)";
  return `SELECT base_index, ${editedIndex} AS rule_index, CAST(count(*) AS INTEGER) AS customers,
  CAST(coalesce(sum(revenue_cents), 0) AS BIGINT) AS revenue_cents${edited.map((_, i) => `,\n  CAST(count(*) FILTER (WHERE c${i}) AS INTEGER) AS m${i}`).join("")}
FROM (SELECT revenue_cents, ${ruleIndexSql(baseline)} AS base_index${conditions.map((c) => `, ${c}`).join("")} FROM (${source}) AS s) AS t
GROUP BY ALL`;
}

/** Adds up the rows of ruleCountsSql; flags rules that match nobody or are unreachable. */
export function ruleCounts(baseline: Rule[], edited: Rule[], rows: Record<string, unknown>[]): RuleCounts {
  const n = (v: unknown) => Number(v ?? 0);
  const name = (rules: Rule[], index: unknown) => (index == null ? "(no rule)" : rules[Number(index)].name);
  const stats: RuleStat[] = edited.map((rule) => ({rule, matched: 0, assigned: 0, revenue_cents: 0}));
  const add = <K>(map: Map<K, RuleCount>, key: K, row: Record<string, unknown>) => {
    const c = map.get(key) ?? map.set(key, {customers: 0, revenue_cents: 0}).get(key)!;
    c.customers += n(row.customers);
    c.revenue_cents += n(row.revenue_cents);
  };
  const segments = new Map<string, RuleCount>();
  const pairs = new Map<string, RuleCount>();
  let unmatched = 0;
  let total = 0;
  for (const row of rows) {
    total += n(row.customers);
    stats.forEach((s, i) => (s.matched += n(row[`m${i}`])));
    if (row.rule_index == null) unmatched += n(row.customers);
    else {
      const s = stats[Number(row.rule_index)];
      s.assigned += n(row.customers);
      s.revenue_cents += n(row.revenue_cents);
    }
    add(segments, name(edited, row.rule_index), row);
    add(pairs, JSON.stringify([name(baseline, row.base_index), name(edited, row.rule_index)]), row);
  }
  for (const s of stats) {
    if (s.matched === 0) s.problem = "matches nobody";
    else if (s.assigned === 0) s.problem = "unreachable: every customer it matches is taken by earlier rules";
  }
  const summary = withShares([...segments].map(([group, c]) => ({group, ...c})));
  const migration = [...pairs]
    .map(([key, c]) => {
      const [from, to] = JSON.parse(key) as [string, string];
      return {from, to, ...c};
    })
    .sort((a, b) => b.customers - a.customers);
  return {stats, unmatched, total, summary, migration};
}
