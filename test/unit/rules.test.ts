/** parseRules, checkCondition, formatRules: the rule text teams edit. */
import {describe, expect, test} from "vitest";
import {RFM_COLUMNS} from "../../src/lib/rfm.js";
import {checkCondition, formatRules, parseRules} from "../../src/lib/rules.js";
import {RULE_SETS} from "../../src/lib/rulesets.js";

describe("parseRules", () => {
  test("reads `Name: condition` lines, skipping comments and blanks, keeping line numbers", () => {
    const {rules, errors} = parseRules("# comment\n\nVIP: orders >= 5\nLost: recency_days > 365\n");
    expect(errors).toEqual([]);
    expect(rules).toEqual([
      {name: "VIP", when: "orders >= 5", line: 3},
      {name: "Lost", when: "recency_days > 365", line: 4}
    ]);
  });

  test("reports lines without a name or a condition", () => {
    const {errors} = parseRules("orders >= 5\nVIP:   \n");
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [1, "expected `Segment name: condition`"],
      [2, "the condition is empty"]
    ]);
  });

  test("formatRules gives back the page-source format", () => {
    const text = "VIP: orders >= 5\nLost: recency_days > 365";
    expect(formatRules(parseRules(text).rules)).toBe(text);
  });
});

describe("checkCondition", () => {
  const check = (when: string) => checkCondition({name: "X", when, line: 7}, RFM_COLUMNS);

  test("accepts columns, keywords, numbers, strings and whitelisted functions", () => {
    expect(check("r_score >= 4 AND tier IN ('Gold', 'Platinum') AND NOT consent IS NULL AND abs(recency_days) BETWEEN 1 AND 30")).toEqual([]);
  });

  test("refuses statements, comments and unknown names with their position", () => {
    expect(check("orders > 1; DROP TABLE customers")).toEqual([{rule: "X", line: 7, column: 14, message: "`;` is not allowed: a rule is one condition, not statements"}]);
    expect(check("orders > 1 -- sneaky")[0].message).toBe("comments are not allowed in a condition");
    expect(check("ordres > 1")).toEqual([{rule: "X", line: 7, column: 4, message: "unknown column ordres"}]);
    expect(check("read_csv('x') IS NULL")[0].message).toMatch(/^unknown function read_csv/);
    expect(check("(orders > 1")[0].message).toBe("missing `)`");
    expect(check(`orders > "1"`)[0].message).toBe('`"` is not allowed in a condition');
  });
});

test("the shipped rule sets parse and use only documented columns", () => {
  for (const set of RULE_SETS) {
    const {rules, errors} = parseRules(set.text);
    expect(errors).toEqual([]);
    expect(rules.flatMap((r) => checkCondition(r, RFM_COLUMNS))).toEqual([]);
    for (const r of rules) expect(set.playbook[r.name], `${set.name}: playbook for ${r.name}`).toBeTruthy();
  }
});
