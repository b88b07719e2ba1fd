/** The report's page loaders (src/report/): Markdown for a period and the front page (they draw with jsdom and Plot). */
import {loadConfig, type SiteLocale, siteLocale} from "../config.js";
import {reportIndex, reportOf} from "./index.js";
import {indexPage, periodPage} from "./render.js";

const renderOptions = async (): Promise<SiteLocale> => siteLocale((await loadConfig()).config);

export async function periodMarkdown(period: string): Promise<string> {
  return periodPage(await reportOf(period), await renderOptions());
}

export async function indexMarkdown(): Promise<string> {
  const index = await reportIndex();
  const latest = index.periods.length ? await reportOf(index.periods[0].id) : null;
  return indexPage(index, latest, await renderOptions());
}

/** The site paths of the period pages under `prefix` (observablehq.config.ts dynamicPaths). */
export async function periodPaths(prefix: string): Promise<string[]> {
  return (await reportIndex()).periods.map((p) => `${prefix}/${p.id}`);
}
