/** The lifecycle page (src/lifecycle.md.ts): its title, headline cards and lifecycle bars at build time. */
import {LifecycleBars} from "../../src/components/LifecycleBars.js";
import {partialMonth, periodOf} from "../../src/lib/dates.js";
import {formatCount} from "../../src/lib/format.js";
import type {LifecycleMonth} from "../../src/lib/lifecycle.js";
import {LIFECYCLE} from "../../src/lib/lifecycle-page.js";
import {t} from "../../src/lib/messages.js";
import {type Prepared, preparedRows} from "../../src/lib/prepared-key.js";
import {rich} from "../../src/lib/rich.js";
import {kpisJson} from "../outputs.js";
import {lifecycleReport} from "../reports.js";
import {esc} from "./dom.js";
import {card, chartNote, figureCard, PRERENDER_WIDTH, prerenderedPage} from "./prerender.js";

export async function lifecycleMarkdown(): Promise<string> {
  const kpis = JSON.parse(await kpisJson()) as {first_day: string};
  const report = JSON.parse(await lifecycleReport()) as {asOf: string; months: Prepared<LifecycleMonth>};
  const months = preparedRows(report.months, LIFECYCLE(report.asOf).months.defaults);
  return prerenderedPage(new URL("./lifecycle.md", import.meta.url), () => {
    if (!months) return null;
    const m = t().lifecycle;
    const last = months.at(-1);
    const marks = {dataStart: periodOf(kpis.first_day), partial: partialMonth(report.asOf)};
    const chart = LifecycleBars(months, {width: PRERENDER_WIDTH, ...marks});
    return [
      `<h1>${esc(m.title)}</h1>`,
      `<p>${rich(m.intro).outerHTML}</p>`,
      `<div class="grid grid-cols-4">`,
      card(m.activeIn(last?.month ?? "–"), formatCount(last?.active ?? 0)),
      card(m.newCustomers, formatCount(last?.new ?? 0)),
      card(m.returning, formatCount((last?.returning ?? 0) + (last?.resurrecting ?? 0))),
      card(m.dormant, formatCount(last?.dormant ?? 0)),
      "</div>",
      figureCard("lifecycle", m.byState, chart, {after: chartNote(marks.partial)})
    ].join("\n");
  });
}
