/**
 * The site's page loaders (src/*.md.ts, src/report/*.md.ts) share one process per build.
 * Framework runs each page loader in a process of its own, one after another, and loading tsx,
 * DuckDB, jsdom and Plot took about 2 s of each before its page was drawn: over a minute for a
 * site's 28 pages. So the first page loader of a build draws its own page and then, in a build,
 * every other page of the site; the others find theirs made and copy it out (0.5 s each).
 *
 * A page made is kept in the build's folder, and copied out as kept.ts copies out the data loaders'
 * outputs (keyed by the config, the data and the code under
 * loaders/ and src/lib/, see build-folder.ts) under a hash of src/components, which draw the
 * pages too: it is never older than what made it. A page that fails here is left for its own
 * loader, which fails with its own message.
 */
import {createHash} from "node:crypto";
import {existsSync, readdirSync} from "node:fs";
import {basename, join} from "node:path";
import {buildFolder, hashFiles} from "../build-folder.js";
import {emitKept, keepWhole} from "../kept.js";

/** The pages with a page loader, by site path (without the leading slash); report periods apart. */
const PAGES: Record<string, () => Promise<string>> = {
  index: async () => (await import("./overview.js")).overviewMarkdown(),
  audiences: async () => (await import("./audiences.js")).audiencesMarkdown(),
  campaigns: async () => (await import("./campaigns.js")).campaignsMarkdown(),
  churn: async () => (await import("./churn.js")).churnMarkdown(),
  clusters: async () => (await import("./clusters.js")).clustersMarkdown(),
  clv: async () => (await import("./clv.js")).clvMarkdown(),
  cohorts: async () => (await import("./cohorts.js")).cohortsMarkdown(),
  "data-quality": async () => (await import("./data-quality.js")).qualityMarkdown(),
  demographics: async () => (await import("./demographics.js")).demographicsMarkdown(),
  lifecycle: async () => (await import("./lifecycle.js")).lifecycleMarkdown(),
  loyalty: async () => (await import("./loyalty.js")).loyaltyMarkdown(),
  rfm: async () => (await import("./rfm.js")).rfmMarkdown(),
  "rules-lab": async () => (await import("./rules-lab.js")).rulesLabMarkdown(),
  "segment-migration": async () => (await import("./segment-migration.js")).migrationMarkdown(),
  value: async () => (await import("./value.js")).valueMarkdown(),
  "report/index": async () => (await import("../report/pages.js")).indexMarkdown()
};

const REPORT_PERIOD = /^report\/(?!index$)(.+)$/;

/** Draws page `name`: a key of PAGES, or report/ and a period (2026-06, 2026-Q2). */
async function render(name: string): Promise<string> {
  const period = REPORT_PERIOD.exec(name)?.[1];
  if (period) return (await import("../report/pages.js")).periodMarkdown(period);
  const page = PAGES[name];
  if (!page) throw new Error(`no page loader is registered for "${name}" (loaders/pages/cached.ts)`);
  return page();
}

/**
 * The pages whose loaders are in the site root `root` (the Framework root being built): its
 * *.md.ts files, and the report's front page and periods when it has them.
 */
async function pagesOf(root: string): Promise<string[]> {
  const names = readdirSync(root)
    .filter((f) => f.endsWith(".md.ts"))
    .map((f) => basename(f, ".md.ts"));
  const report = join(root, "report");
  if (existsSync(join(report, "index.md.ts"))) names.push("report/index");
  if (existsSync(join(report, "[period].md.ts"))) {
    const {periodPaths} = await import("../report/pages.js");
    names.push(...(await periodPaths("report")));
  }
  return names;
}

/**
 * The page loader of page `name` (its site path without the leading slash): writes the page to
 * standard output. WORKBENCH_PAGES_ROOT (set by tools/fresh-build.ts in `build` only: a preview
 * draws a page when it is asked for) names the site root whose other pages are drawn at the same time.
 */
export async function emitPage(name: string): Promise<void> {
  const folder = join("pages", hashFiles(createHash("sha256"), ["src/components"]));
  const file = (page: string) => join(folder, `${page}.md`);
  await emitKept(file(name), async () => {
    const {dir} = await buildFolder();
    const page = await render(name);
    keepWhole(join(dir, file(name)), page);
    const root = process.env.WORKBENCH_PAGES_ROOT;
    for (const other of root ? await pagesOf(root) : []) {
      if (existsSync(join(dir, file(other)))) continue;
      try {
        keepWhole(join(dir, file(other)), await render(other));
      } catch {
        // Its own loader draws it again and reports why it fails.
      }
    }
    return page;
  });
}
