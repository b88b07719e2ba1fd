/** The demographics page (src/demographics.md.ts): its title and first cross-tab at build time. */
import {CrossTab} from "../../src/components/CrossTab.js";
import {crossCells, type MixRow, SMALL_CELL} from "../../src/lib/crosstab.js";
import {DEMOGRAPHICS} from "../../src/lib/demographics-page.js";
import {formatCount} from "../../src/lib/format.js";
import {attributeName, t, valueName} from "../../src/lib/messages.js";
import {type Prepared, preparedRows} from "../../src/lib/prepared-key.js";
import {RULE_SETS, rulesOf} from "../../src/lib/rulesets.js";
import {kpisJson} from "../outputs.js";
import {demographicsReport} from "../reports.js";
import {esc} from "./dom.js";
import {figureCard, PRERENDER_WIDTH, prerenderedPage} from "./prerender.js";

export async function demographicsMarkdown(): Promise<string> {
  const {missing} = JSON.parse(await kpisJson()) as {missing: string[]};
  const report = JSON.parse(await demographicsReport()) as {
    asOf: string;
    ageGender: Prepared<MixRow>;
    regionTier: Prepared<MixRow>;
  };
  const spec = DEMOGRAPHICS(report.asOf);
  const has = (...columns: string[]) => columns.every((c) => !missing.includes(c));
  // The page's first cross-tab: age by gender, or region by city tier when the data lacks either.
  const [key, rowColumn, colColumn, name] = has("age_band", "gender")
    ? (["age-gender", "age_band", "gender", "ageGender"] as const)
    : (["region-tier", "region", "city_tier", "regionTier"] as const);
  const rows = has(rowColumn, colColumn) ? preparedRows(report[name], spec[name].defaults) : undefined;
  const segments = rulesOf(RULE_SETS.find((s) => s.name === spec[name].defaults.ruleSet)!).map((r) => r.name);
  return prerenderedPage(new URL("./demographics.md", import.meta.url), () => {
    if (!rows) return null;
    const m = t().demographics;
    const cells = crossCells(rows).map((c) => ({
      ...c,
      row: valueName(rowColumn, c.row),
      col: valueName(colColumn, c.col)
    }));
    const title =
      name === "ageGender" ? m.ageGender(formatCount(rows.reduce((s, r) => s + r.customers, 0))) : m.regionTier;
    const chart = CrossTab(cells, {
      width: PRERENDER_WIDTH,
      rowLabel: attributeName(rowColumn),
      colLabel: attributeName(colColumn),
      segments
    });
    return [
      `<h1>${esc(m.title)}</h1>`,
      `<p>${esc(m.intro(SMALL_CELL, report.asOf))}</p>`,
      figureCard(key, title, chart)
    ].join("\n");
  });
}
