/**
 * The Framework root of the site: `root` of the project's config (observablehq.config.js or
 * .ts, looked up in that order as Framework does), "src" without one.
 */
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import {pathToFileURL} from "node:url";

export async function siteRoot(): Promise<string> {
  const file = ["observablehq.config.js", "observablehq.config.ts"].map((f) => resolve(f)).find(existsSync);
  const config = file ? ((await import(pathToFileURL(file).href)).default as {root?: string}) : {};
  return resolve(config.root ?? "src");
}
