/** The RFM explorer (src/rfm.md.ts): its title, grid and segment shares for its default inputs at build time. */
import {RfmGrid} from "../../src/components/RfmGrid.js";
import {ShareBars} from "../../src/components/ShareBars.js";
import {formatCount} from "../../src/lib/format.js";
import {ruleSetName, segmentName, t} from "../../src/lib/messages.js";
import {type Prepared, preparedRows} from "../../src/lib/prepared-key.js";
import {rfmInputs} from "../../src/lib/rfm.js";
import {defaultRfmPageInputs, RFM_PAGE_DEFAULTS, rfmPageOptions} from "../../src/lib/rfm-options.js";
import {RULE_SETS, rulesOf} from "../../src/lib/rulesets.js";
import {type RfmCell, rfmViews} from "../../src/lib/segments.js";
import {rfmReport} from "../reports.js";
import {esc} from "./dom.js";
import {figureCard, PRERENDER_WIDTH, prerenderedPage} from "./prerender.js";

export async function rfmMarkdown(): Promise<string> {
  const report = JSON.parse(await rfmReport()) as {asOf: string; cells: Prepared<RfmCell>};
  const {rfm} = rfmPageOptions(defaultRfmPageInputs(report.asOf));
  const set = RULE_SETS.find((s) => s.name === RFM_PAGE_DEFAULTS.ruleSet)!;
  const cells = preparedRows(report.cells, rfmInputs(rfm, set.name));
  return prerenderedPage(new URL("./rfm.md", import.meta.url), () => {
    if (!cells) return null;
    const m = t();
    const {grid, summary} = rfmViews(rulesOf(set), cells);
    const shares = summary.map((s) => ({...s, group: segmentName(s.group)}));
    const half = PRERENDER_WIDTH / 2;
    return [
      `<h1>${esc(m.rfm.title)}</h1>`,
      `<p>${esc(m.rfm.intro(report.asOf))}</p>`,
      `<div class="grid grid-cols-2">`,
      figureCard(
        "rfm-grid",
        m.rfm.grid(formatCount(grid.reduce((s, c) => s + c.customers, 0))),
        RfmGrid(grid, {width: 560, scale: RFM_PAGE_DEFAULTS.scale, measure: "customers"}),
        {after: `<p class="muted">${esc(m.rfm.clickHint)}</p>`}
      ),
      figureCard(
        "segment-sizes",
        m.rfm.shares(ruleSetName(set.name)),
        ShareBars(shares, {width: half, label: m.common.segment})
      ),
      "</div>"
    ].join("\n");
  });
}
