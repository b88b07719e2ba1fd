/** The data-quality page (src/data-quality.md.ts): its title and the first input file's outcomes at build time. */
import {QualityBars} from "../../src/components/QualityBars.js";
import {formatCount} from "../../src/lib/format.js";
import {t} from "../../src/lib/messages.js";
import {readAsText} from "../../src/lib/quality.js";
import {rich} from "../../src/lib/rich.js";
import type {QualitySummary} from "../derive/quality.js";
import {qualityJson} from "../outputs.js";
import {esc} from "./dom.js";
import {figureCard, PRERENDER_WIDTH, prerenderedPage} from "./prerender.js";

export async function qualityMarkdown(): Promise<string> {
  const quality = JSON.parse(await qualityJson()) as QualitySummary & {
    asOf: string;
    builtAt: string;
    seconds: number;
    source: string;
  };
  const [first] = quality.files;
  return prerenderedPage(new URL("./data-quality.md", import.meta.url), () => {
    if (!first) return null;
    const m = t().quality;
    const f = first;
    const built = quality.builtAt.slice(0, 16).replace("T", " ");
    const reconciles = `${m.reconciles(formatCount(f.read), formatCount(f.accepted), formatCount(f.classified), formatCount(f.rejected))} ${f.read === f.accepted + f.classified + f.rejected ? m.ok : m.notOk}`;
    return [
      `<h1>${esc(m.title)}</h1>`,
      `<p class="muted">${esc(m.meta(quality.asOf, quality.source, built, quality.seconds.toFixed(1)))}</p>`,
      `<p>${rich(m.intro).outerHTML}</p>`,
      figureCard(`quality-${f.source}`, `${f.source}: ${f.file}`, QualityBars(f.reasons, {width: PRERENDER_WIDTH}), {
        before: `${f.read_as ? `<p class="muted">${esc(readAsText(f.read_as))}</p>` : ""}<p>${esc(reconciles)}</p>`
      })
    ].join("\n");
  });
}
