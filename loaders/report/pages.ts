/** The report's page loaders (src/report/): Markdown for a period, the front page, and a period's JSON. */
import {loadConfig} from "../config.js";
import {type ReportIndex, reportIndex, reportOf} from "./index.js";
import {indexPage, periodPage, type RenderOptions} from "./render.js";

async function renderOptions(): Promise<RenderOptions> {
  const {config} = await loadConfig();
  return {language: config.language ?? "zh-CN", currency: config.currency ?? "CNY"};
}

export async function periodMarkdown(period: string): Promise<string> {
  return periodPage(await reportOf(period), await renderOptions());
}

export async function indexMarkdown(): Promise<string> {
  const index: ReportIndex = await reportIndex();
  const latest = index.periods.length ? await reportOf(index.periods[0].id) : null;
  return indexPage(index, latest, await renderOptions());
}

export async function periodJson(period: string): Promise<string> {
  return JSON.stringify(await reportOf(period), null, 1);
}

/** The site paths of the period pages under `prefix` (observablehq.config.ts dynamicPaths). */
export async function periodPaths(prefix: string): Promise<string[]> {
  return (await reportIndex()).periods.map((p) => `${prefix}/${p.id}`);
}
