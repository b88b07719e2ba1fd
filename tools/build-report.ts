/**
 * `npm run build:report [-- OUTPUT]`: a site of the leadership report alone (default folder
 * dist-report/), to e-mail or put on an intranet: the report pages and their JSON figures,
 * nothing customer-level (no Parquet, no pseudonymous key) and no database engine.
 *
 * Framework builds every page under its root, so the report gets a root of its own
 * (.workbench/report-site/): the report's page loaders (the same files as the full site's
 * src/report/, whose figures come from the same build), the one browser module they import (the
 * language choice), the site's style, and a front page that opens the report.
 */
import {execFileSync} from "node:child_process";
import {cpSync, mkdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {filesUnder} from "./files.js";

const output = resolve(process.argv[2] ?? "dist-report");
const root = resolve(".workbench", "report-site", "src");
rmSync(resolve(".workbench", "report-site"), {recursive: true, force: true});
mkdirSync(join(root, "lib"), {recursive: true});
cpSync("src/report", join(root, "report"), {recursive: true});
cpSync("src/lib/locale.ts", join(root, "lib", "locale.ts"));
cpSync("src/style.css", join(root, "style.css"));
writeFileSync(
  join(root, "index.md"),
  `---
title: 管理层报告 Leadership report
toc: false
---

[管理层报告 · Leadership report](./report/)

\`\`\`js
// Straight on to the report, keeping the address's ?lang= choice.
location.replace(\`./report/\${location.search}\`);
\`\`\`
`
);
rmSync(output, {recursive: true, force: true});
execFileSync("npm", ["run", "--silent", "build"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: {...process.env, WORKBENCH_SITE_ROOT: root, WORKBENCH_OUTPUT: output, WORKBENCH_REPORT_ONLY: "1"}
});

const all = filesUnder(output);
const bytes = all.reduce((s, f) => s + statSync(f).size, 0);
// What must never be in it (test/site/report-only.test.ts checks this and more).
const forbidden = all.filter((f) => /\.parquet$|duckdb|\.wasm$/i.test(f));
if (forbidden.length) throw new Error(`the report-only site holds files it must not: ${forbidden.join(", ")}`);
console.log(`report-only site in ${output}: ${all.length} files, ${(bytes / 1e6).toFixed(2)} MB`);
