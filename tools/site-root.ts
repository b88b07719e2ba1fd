/** The Framework root of the site (observablehq.config.ts `root`, "src" by default), as a path. */
import {resolve} from "node:path";
import {pathToFileURL} from "node:url";

export async function siteRoot(): Promise<string> {
  const config = (await import(pathToFileURL(resolve("observablehq.config.ts")).href)).default as {root?: string};
  return resolve(config.root ?? "src");
}
