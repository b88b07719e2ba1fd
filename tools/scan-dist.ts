/**
 * Finds every place in a built site where a page, stylesheet or script would load something
 * from another host: script/link/img/iframe/source sources, CSS url() and @import, and
 * JavaScript import specifiers. Plain links (<a href>) are navigation, not loads, and pass.
 * Run it by hand with `node --import tsx tools/scan-dist.ts [dist]`.
 */
import {readFileSync, readdirSync} from "node:fs";
import {extname, join, relative} from "node:path";

export interface OutsideLoad {
  file: string;
  url: string;
}

const OUTSIDE = String.raw`(?:https?:)?//[^"'\s)>]+`;
const PATTERNS: Record<string, RegExp[]> = {
  ".html": [
    new RegExp(
      String.raw`<(?:script|img|iframe|source|video|audio|embed|track)\b[^>]*\bsrc\s*=\s*["']?(${OUTSIDE})`,
      "gi"
    ),
    new RegExp(String.raw`<link\b[^>]*\bhref\s*=\s*["']?(${OUTSIDE})`, "gi"),
    new RegExp(String.raw`url\(\s*["']?(${OUTSIDE})`, "gi"),
    new RegExp(String.raw`@import\s+["'](${OUTSIDE})`, "gi")
  ],
  ".css": [
    new RegExp(String.raw`url\(\s*["']?(${OUTSIDE})`, "gi"),
    new RegExp(String.raw`@import\s+["'](${OUTSIDE})`, "gi")
  ],
  ".js": [
    new RegExp(String.raw`\b(?:import|from)\s*\(?\s*["'](${OUTSIDE})["']`, "g"),
    new RegExp(String.raw`\bimport\.meta\.resolve\(\s*["'](${OUTSIDE})["']`, "g")
  ]
};

/** Outside loads in one file's text, judged by its extension. */
export function scanText(text: string, ext: string): string[] {
  return (PATTERNS[ext] ?? []).flatMap((re) => Array.from(text.matchAll(re), (m) => m[1]));
}

/** Outside loads in every HTML, CSS and JavaScript file below `dir`. */
export function scanDist(dir: string): OutsideLoad[] {
  const found: OutsideLoad[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const file = join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (extname(file) in PATTERNS) {
        for (const url of scanText(readFileSync(file, "utf-8"), extname(file)))
          found.push({file: relative(dir, file), url});
      }
    }
  };
  walk(dir);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = scanDist(process.argv[2] ?? "dist");
  for (const {file, url} of found) console.log(`${file}: ${url}`);
  console.log(found.length === 0 ? "no outside loads" : `${found.length} outside loads`);
  process.exitCode = found.length === 0 ? 0 : 1;
}
