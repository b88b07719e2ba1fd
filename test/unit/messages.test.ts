/** The message catalogues (src/lib/messages/): the same keys in every language, no string left empty. */
import {expect, test} from "vitest";
import {MESSAGES} from "../../src/lib/messages.js";

/** Every key path of a catalogue, with the kind of value at it. */
function shape(value: unknown, path = ""): string[] {
  if (typeof value === "function") return [`${path}()`];
  if (typeof value === "string") return [path];
  return Object.entries(value as object).flatMap(([k, v]) => shape(v, `${path}.${k}`));
}

test("zh-CN and en have exactly the same keys", () => {
  expect(shape(MESSAGES["zh-CN"]).sort()).toEqual(shape(MESSAGES.en).sort());
});

test("no message is empty, and Chinese messages are in Chinese", () => {
  const strings = (value: unknown): string[] =>
    typeof value === "string"
      ? [value]
      : typeof value === "function"
        ? []
        : Object.values(value as object).flatMap(strings);
  for (const messages of Object.values(MESSAGES)) expect(strings(messages).filter((s) => s.trim() === "")).toEqual([]);
  const zh = strings(MESSAGES["zh-CN"]);
  const han = zh.filter((s) => /[\u4e00-\u9fff]/.test(s)).length;
  expect(han / zh.length).toBeGreaterThan(0.9);
});

test("the four types have the names retailers know", () => {
  expect(["loyal", "potential", "drifting", "churned"].map((k) => MESSAGES["zh-CN"].segments[k])).toEqual([
    "忠诚型",
    "潜在型",
    "游离型",
    "流失型"
  ]);
});

test("rule and threshold messages are translated for Chinese readers; DuckDB's own stay as they are", () => {
  const zh = MESSAGES["zh-CN"];
  expect(zh.rulesLab.error("unknown column ordrs")).toBe("未知字段 ordrs");
  expect(zh.rulesLab.error("`;` is not allowed: a rule is one condition, not statements")).toBe(
    "不允许 `;`：一条规则只是一个条件，不是多条语句"
  );
  expect(zh.rulesLab.error("Binder Error: x")).toBe("Binder Error: x");
  expect(zh.rfm.thresholdMessage("recency: 4 numbers expected, got 3")).toBe("最近购买：需要 4 个数字，实际 3 个");
  expect(zh.rfm.thresholdMessage('monetary: "1e307" is larger than 10,000,000,000')).toBe(
    "金额：“1e307”大于 10,000,000,000"
  );
  expect(MESSAGES.en.rulesLab.error("unknown column ordrs")).toBe("unknown column ordrs");
});

test("a cluster of one-time buyers reads in the singular", () => {
  expect(MESSAGES.en.clusters.describe(4, "154", "1", "£74.65")).toBe(
    "Cluster 4: typically last bought 154 days ago, 1 order, £74.65 in total."
  );
  expect(MESSAGES.en.clusters.describe(2, "1", "5", "£460.33")).toBe(
    "Cluster 2: typically last bought 1 day ago, 5 orders, £460.33 in total."
  );
});
