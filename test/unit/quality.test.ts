/** The data-quality vocabulary (src/lib/quality.ts): every reason explained, once. */
import {expect, test} from "vitest";
import {REASON, REASON_TEXT, reasonSql, reasonText} from "../../src/lib/quality.js";

test("every reason has an explanation, and no explanation is for a reason nobody gives", () => {
  expect(Object.keys(REASON_TEXT).sort()).toEqual(Object.values(REASON).sort());
  for (const reason of Object.values(REASON)) expect(reasonText("rejected", reason)).not.toBe(reason);
});

test("reasonSql quotes the reason as a SQL literal", () => {
  expect(reasonSql("decimalComma")).toBe(`'decimal comma (set decimal: "," in the mapping)'`);
  expect(reasonSql("undecodable")).toBe(`'undecodable text (not valid in the file''s encoding)'`);
});
