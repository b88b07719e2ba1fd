/** parseRules, checkCondition, formatRules: the rule text teams edit. */
import {afterEach, describe, expect, test} from "vitest";
import {yuanDefaultsWarning, siteLocale} from "../../loaders/config.js";
import {DEFAULT_SAMPLE} from "../../loaders/sources/synthetic/index.js";
import {DEFAULT_HIGH_VALUE, setLocale} from "../../src/lib/locale.js";
import {defaultStageThresholds} from "../../src/lib/stages.js";
import {RFM_COLUMNS, defaultThresholds} from "../../src/lib/rfm.js";
import {checkCondition, conditionSql, formatRules, LIMITS, parseRules, segmentSql} from "../../src/lib/rules.js";
import {RULE_SETS} from "../../src/lib/rulesets.js";
import {MESSAGES} from "../../src/lib/messages.js";
import {parseThresholds} from "../../src/lib/thresholds.js";

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
    expect(
      check(
        "r_score >= 4 AND tier IN ('Gold', 'Platinum') AND NOT consent IS NULL AND abs(recency_days) BETWEEN 1 AND 30"
      )
    ).toEqual([]);
  });

  test("refuses statements, comments and unknown names with their position", () => {
    expect(check("orders > 1; DROP TABLE customers")).toEqual([
      {rule: "X", line: 7, column: 14, message: "`;` is not allowed: a rule is one condition, not statements"}
    ]);
    expect(check("orders > 1 -- sneaky")[0].message).toBe("comments are not allowed in a condition");
    expect(check("ordres > 1")).toEqual([{rule: "X", line: 7, column: 4, message: "unknown column ordres"}]);
    expect(check("read_csv('x') IS NULL")[0].message).toMatch(/^unknown function read_csv/);
    expect(check("(orders > 1")[0].message).toBe("missing `)`");
    expect(check(`orders > "1"`)[0].message).toBe('`"` is not allowed in a condition');
  });
});

describe("high_value, the site's high-value revenue", () => {
  afterEach(() => setLocale({highValue: DEFAULT_HIGH_VALUE}));

  test("a condition may name it; its SQL carries the site's figure, text in quotes left as written", () => {
    expect(checkCondition({name: "X", when: "revenue >= 2 * high_value", line: 1}, RFM_COLUMNS)).toEqual([]);
    setLocale({highValue: 250.5});
    expect(conditionSql("revenue >= high_value AND tier <> 'high_value' AND revenue < 3 * high_value")).toBe(
      "revenue >= (250.5) AND tier <> 'high_value' AND revenue < 3 * (250.5)"
    );
    expect(segmentSql(parseRules("Big: revenue >= high_value").rules)).toContain("revenue >= (250.5)");
    expect(conditionSql("revenue >= high_value_x")).toBe("revenue >= high_value_x"); // a longer name is not it
  });

  test("the lifecycle's high-value stage and the default monetary cuts follow it", () => {
    expect(defaultThresholds(5).monetary).toEqual([300, 800, 1500, 3000]);
    expect(defaultThresholds(3).monetary).toEqual([500, 2000]);
    expect(defaultStageThresholds().highValue).toBe(3000);
    setLocale({highValue: 330});
    expect(defaultThresholds(5)).toEqual({
      recency: [30, 90, 180, 365],
      frequency: [2, 3, 5, 8],
      monetary: [33, 88, 170, 330]
    });
    expect(defaultThresholds(3).monetary).toEqual([55, 220]);
    expect(defaultStageThresholds()).toEqual({atRiskDays: 180, churnDays: 365, highValue: 330});
  });

  test("the config sets it; with another currency than yuan, leaving it out is warned about", () => {
    const source = {type: "sample", ...DEFAULT_SAMPLE} as const;
    expect(siteLocale({source}).highValue).toBe(3000);
    expect(siteLocale({source, currency: "GBP", highValue: 330}).highValue).toBe(330);
    for (const bad of [0, -5, Number.NaN, "330" as unknown as number])
      expect(() => siteLocale({source, highValue: bad})).toThrow(/highValue must be an amount above 0/);
    expect(yuanDefaultsWarning({source})).toBeNull();
    const tiers = [{name: "Member", minSpend: 0}];
    expect(yuanDefaultsWarning({source, currency: "GBP", highValue: 330, loyalty: {tiers}})).toBeNull();
    expect(yuanDefaultsWarning({source, currency: "GBP", loyalty: {tiers}})).toMatch(
      /^warning: currency is GBP but highValue \(a customer is high value from 3,000 GBP\) is not set/
    );
    expect(yuanDefaultsWarning({source, currency: "GBP"})).toMatch(/highValue .* and loyalty.tiers .* are not set/);
  });
});

test("the shipped rule sets parse and use only documented columns", () => {
  for (const set of RULE_SETS) {
    const {rules, errors} = parseRules(set.text);
    expect(errors).toEqual([]);
    expect(rules.flatMap((r) => checkCondition(r, RFM_COLUMNS))).toEqual([]);
    // Every segment has a playbook and a display name in every language.
    for (const messages of Object.values(MESSAGES)) {
      for (const r of rules) {
        expect(messages.playbooks[r.name], `${set.name}: playbook for ${r.name}`).toBeTruthy();
        expect(messages.segments[r.name], `${set.name}: name of ${r.name}`).toBeTruthy();
      }
      expect(messages.ruleSets[set.name]).toBeTruthy();
    }
  }
});

describe("limits", () => {
  test("more rules than LIMITS.rules are refused, naming the first one over", () => {
    const text = Array.from({length: LIMITS.rules + 5}, (_, i) => `S${i}: orders > ${i}`).join("\n");
    const {errors} = parseRules(text);
    expect(errors).toEqual([
      {
        rule: `S${LIMITS.rules}`,
        line: LIMITS.rules + 1,
        column: 0,
        message: `too many rules: ${LIMITS.rules + 5}, at most ${LIMITS.rules}`
      }
    ]);
  });

  test("a pattern with too many wildcards, a long text or a long condition is refused with its position", () => {
    const slow = checkCondition({name: "Slow", when: "city LIKE '%_%_%_%_%_%b'", line: 1}, RFM_COLUMNS);
    expect(slow.map((e) => [e.column, e.message])).toEqual([
      [17, "a pattern with more than 8 wildcards (% or _): too slow to match"]
    ]);
    expect(checkCondition({name: "Ok", when: "city LIKE '%shan%'", line: 1}, RFM_COLUMNS)).toEqual([]);
    const long = checkCondition(
      {name: "Long", when: `city = '${"x".repeat(LIMITS.literalLength + 1)}'`, line: 1},
      RFM_COLUMNS
    );
    expect(long[0].message).toBe(`a text longer than ${LIMITS.literalLength} characters`);
    const huge = checkCondition(
      {name: "Huge", when: Array.from({length: 80}, () => "orders > 1").join(" OR "), line: 1},
      RFM_COLUMNS
    );
    expect(huge[0].message).toMatch(/characters long, at most 500/);
  });
});

describe("parseThresholds", () => {
  test("ascending numbers within each dimension's range; anything else is a message", () => {
    expect(parseThresholds("30, 90, 180, 365", 4, "recency")).toEqual([30, 90, 180, 365]);
    expect(parseThresholds("10, 20, x", 4, "recency")).toBe("recency: 4 numbers expected, got 3");
    expect(parseThresholds("300, 800, 1500, 1e307", 4, "monetary")).toBe(
      'monetary: "1e307" is larger than 10,000,000,000'
    );
    expect(parseThresholds("1, 2, 50000, 60000", 4, "recency")).toBe('recency: "50000" is larger than 36,500');
    expect(parseThresholds("3, 2", 2, "frequency")).toBe("frequency: values must increase");
  });
});
