/**
 * Loaded into the Framework CLI next to the offline shim (see package.json): makes every build
 * (and every start of the preview server) honest about its data.
 * - Framework reruns a data loader only when its entry file changes, so a new config, key, data
 *   file, database content or loader library would be served stale from its cache: the cached
 *   loader outputs are removed, and the loaders run again. They are cheap to rerun: ingestion
 *   itself is reused when nothing it depends on changed (loaders/build.ts, fingerprint).
 * - One id for this build, inherited by every loader process, so that they ingest once between
 *   them (a PostgreSQL source is read once per build, from one snapshot).
 * - In a build, the site root whose pages the first page loader draws together (WORKBENCH_PAGES_ROOT).
 * - In the preview, an edit of a page's Markdown or first figures (loaders/pages/) touches the
 *   page loaders (src/*.md.ts): Framework watches a page loader's own file only, and the page
 *   would keep showing its old text until the server restarted.
 */
import {randomUUID} from "node:crypto";
import {existsSync, readdirSync, rmSync, utimesSync, watch} from "node:fs";
import {join} from "node:path";
import {siteRoot} from "./site-root.js";

process.env.WORKBENCH_BUILD_ID = randomUUID();
const root = await siteRoot();
// In a build, the first page loader draws every page of this root in its one process (loaders/pages/cached.ts).
if (process.argv.includes("build")) process.env.WORKBENCH_PAGES_ROOT = root;
// Loader outputs (data/, the report's pages under report/…); Framework's own folders start with "_"
// (npm downloads, built modules) and stay.
const cache = join(root, ".observablehq", "cache");
for (const entry of existsSync(cache) ? readdirSync(cache) : [])
  if (!entry.startsWith("_")) rmSync(join(cache, entry), {recursive: true, force: true});

if (process.argv.includes("preview")) {
  const pages = new URL("../loaders/pages/", import.meta.url);
  watch(pages, () => {
    const now = new Date();
    for (const file of readdirSync(root)) if (file.endsWith(".md.ts")) utimesSync(join(root, file), now, now);
  }).unref();
}
