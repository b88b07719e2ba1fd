/**
 * The page loaders share one process per build (loaders/pages/cached.ts): the first one draws its
 * page and the other pages of the site root it is told of, and keeps them in the build's folder;
 * the others copy theirs out. Runs the page loaders as Framework does (a process each), on a small
 * sample of its own (a build folder no other test uses).
 */
import {execFileSync} from "node:child_process";
import {createHash} from "node:crypto";
import {appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {buildFolder, hashFiles} from "../../loaders/build-folder.js";

const ENV = {WORKBENCH_SAMPLE_CUSTOMERS: "1500"};
// The config module reads the sample's size from this process's environment too (for buildFolder below).
Object.assign(process.env, ENV);
const ROOT = join(".workbench", "test-pages-cached");

const pageLoader = (page: string, env: Record<string, string> = {}) =>
  execFileSync(process.execPath, ["--import", "tsx", join("src", `${page}.md.ts`)], {
    encoding: "utf-8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {...process.env, ...ENV, ...env}
  });

test("the first page loader draws the site root's pages and keeps them; the next copies its page out", async () => {
  const {dir} = await buildFolder();
  const kept = join(dir, "pages", hashFiles(createHash("sha256"), ["src/components"]));
  rmSync(kept, {recursive: true, force: true});
  // A site root with two of the site's page loaders.
  rmSync(ROOT, {recursive: true, force: true});
  mkdirSync(ROOT, {recursive: true});
  for (const page of ["churn", "clusters"]) copyFileSync(join("src", `${page}.md.ts`), join(ROOT, `${page}.md.ts`));

  const churn = pageLoader("churn", {WORKBENCH_PAGES_ROOT: ROOT});
  expect(churn).toContain("data-prerendered");
  expect(readdirSync(kept).sort()).toEqual(["churn.md", "clusters.md"]);
  expect(readFileSync(join(kept, "churn.md"), "utf-8")).toBe(churn);

  // The clusters page was drawn by the churn page's process: its loader copies it out as kept.
  const clusters = readFileSync(join(kept, "clusters.md"), "utf-8");
  expect(clusters).toContain("data-prerendered");
  appendFileSync(join(kept, "clusters.md"), "\n<!-- as kept -->\n");
  expect(pageLoader("clusters")).toBe(`${clusters}\n<!-- as kept -->\n`);

  // Without a site root (the preview), a loader draws its own page only.
  rmSync(kept, {recursive: true, force: true});
  expect(pageLoader("clusters")).toBe(clusters);
  expect(readdirSync(kept)).toEqual(["clusters.md"]);
  expect(existsSync(join(kept, "churn.md"))).toBe(false);
});
