/** Prepared results and their keys (src/lib/prepared-key.ts): a page finds its rows by its inputs. */
import {expect, test} from "vitest";
import {preparedRows} from "../../src/lib/prepared-key.js";

test("the rows prepared for equal inputs, whatever their key order and empty filters", () => {
  const prepared = {options: {grain: "month", mode: "recurring", filters: {}}, rows: [1, 2]};
  expect(preparedRows(prepared, {mode: "recurring", grain: "month"})).toEqual([1, 2]);
  expect(preparedRows(prepared, {mode: "recurring", grain: "month", filters: {channel: []}})).toEqual([1, 2]);
  expect(preparedRows(prepared, {mode: "recurring", grain: "quarter"})).toBeNull();
});

test("a list of prepared results (the overview's every breakdown): the one for the inputs, or none", () => {
  const list = [
    {options: {dimension: "region"}, rows: ["north"]},
    {options: {dimension: "gender"}, rows: ["f", "m"]}
  ];
  expect(preparedRows(list, {dimension: "gender"})).toEqual(["f", "m"]);
  expect(preparedRows(list, {dimension: "region"})).toEqual(["north"]);
  expect(preparedRows(list, {dimension: "channel"})).toBeNull();
  expect(preparedRows([], {dimension: "region"})).toBeNull();
});
