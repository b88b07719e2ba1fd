/** The rules lab (src/rules-lab.md.ts): its title and the opening rules' segments and migration at build time. */
import {MigrationMatrix} from "../../src/components/MigrationMatrix.js";
import {ShareBars} from "../../src/components/ShareBars.js";
import {formatCount, formatHighValue} from "../../src/lib/format.js";
import type {LabResult} from "../../src/lib/lab.js";
import {ruleSetName, segmentName, t, withGroupNames} from "../../src/lib/messages.js";
import {RFM_COLUMNS} from "../../src/lib/rfm.js";
import {rich} from "../../src/lib/rich.js";
import {rulesLabReport} from "../reports.js";
import {esc} from "./dom.js";
import {figureCard, prerenderedPage} from "./prerender.js";

export async function rulesLabMarkdown(): Promise<string> {
  const report = JSON.parse(await rulesLabReport()) as {
    asOf: string;
    lab: {options: {baseline: string}; rows: LabResult[]};
  };
  const [result] = report.lab.rows;
  const columnList = RFM_COLUMNS.map((c) => `\`${c}\``).join(" ");
  return prerenderedPage(new URL("./rules-lab.md", import.meta.url), () => {
    // Opening rules with errors show the errors, drawn live.
    if (result.errors.length > 0) return null;
    const m = t().rulesLab;
    const unmatched = result.unmatched ? `, ${m.unmatched(formatCount(result.unmatched))}` : "";
    const migration = result.migration.map((r) => ({...r, from: segmentName(r.from), to: segmentName(r.to)}));
    return [
      `<h1>${esc(m.title)}</h1>`,
      `<p>${rich(m.intro(columnList, report.asOf, formatHighValue())).outerHTML}</p>`,
      `<p class="ok">${esc(m.ok(result.rules.length))}</p>`,
      `<div class="grid grid-cols-2">`,
      figureCard(
        "lab-segments",
        `${m.segments(formatCount(result.total))}${unmatched})`,
        ShareBars(withGroupNames(result.summary, "segment"), {width: 460, label: t().common.segment})
      ),
      figureCard(
        "lab-migration",
        m.migration(ruleSetName(report.lab.options.baseline)),
        MigrationMatrix(migration, {width: 520, fromLabel: m.baseline, toLabel: m.edited})
      ),
      "</div>"
    ].join("\n");
  });
}
