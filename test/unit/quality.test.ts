/** The data-quality vocabulary (src/lib/quality.ts): every reason explained, once, in every language. */
import {expect, test} from "vitest";
import {MESSAGES} from "../../src/lib/messages.js";
import {REASON, reasonSql, reasonText} from "../../src/lib/quality.js";

test("every reason has an explanation in every language, and no explanation is for a reason nobody gives", () => {
  for (const messages of Object.values(MESSAGES)) {
    expect(Object.keys(messages.quality.reasons).sort()).toEqual(Object.values(REASON).sort());
    expect(Object.keys(messages.quality.reasonNames).sort()).toEqual(Object.values(REASON).sort());
  }
  for (const reason of Object.values(REASON)) expect(reasonText("rejected", reason)).not.toBe(reason);
});

test("reasonSql quotes the reason as a SQL literal", () => {
  expect(reasonSql("decimalComma")).toBe(`'decimal comma (set decimal: "," in the mapping)'`);
  expect(reasonSql("undecodable")).toBe(
    `'undecodable text (not valid in the file''s encoding; set encoding in the mapping if the file has another)'`
  );
});
