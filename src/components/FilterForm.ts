/**
 * FilterForm(columns, choices, {missing}): the filter panel of the analysis pages: one multiple
 * select per customer attribute this data has (attributes.ts), labelled and valued in the
 * reader's language; its value is {column: [values]} for sqlFilters. One component instead of
 * the same one-liner on four pages.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {present} from "../lib/attributes.js";
import {attributeName, valueName} from "../lib/messages.js";

export function FilterForm<C extends string>(
  columns: readonly C[],
  choices: Record<string, string[]>,
  {missing = []}: {missing?: readonly string[]} = {}
): HTMLFormElement {
  const inputs = Object.fromEntries(
    present(columns, missing).map((c) => [
      c,
      Inputs.select(choices[c] ?? [], {label: attributeName(c), multiple: true, format: (v: string) => valueName(c, v)})
    ])
  );
  return Inputs.form(inputs) as HTMLFormElement;
}
