/** The audience builder (src/audiences.md.ts): its title, the default audience's counts and funnel at build time. */
import {type AudienceResult, audienceFunnel, DEFAULT_BASELINE_PERCENT, funnelRows} from "../../src/lib/audiences.js";
import {formatCents, formatCount, formatShare} from "../../src/lib/format.js";
import {t} from "../../src/lib/messages.js";
import {rich} from "../../src/lib/rich.js";
import {minimumDetectableUplift} from "../../src/lib/uplift.js";
import {audiencesReport} from "../act.js";
import {esc} from "./dom.js";
import {card, prerenderedPage} from "./prerender.js";

export async function audiencesMarkdown(): Promise<string> {
  const data = JSON.parse(await audiencesReport()) as {
    asOf: string;
    known: {consent: number};
    audience: {rows: AudienceResult[]};
  };
  const [result] = data.audience.rows;
  return prerenderedPage(new URL("./audiences.md", import.meta.url), () => {
    const m = t().audiences;
    const funnel = audienceFunnel(result.funnel);
    const treated = result.segments.reduce((s, r) => s + r.treatment, 0);
    const heldOut = result.segments.reduce((s, r) => s + r.holdout, 0);
    const baseline = DEFAULT_BASELINE_PERCENT / 100;
    const mde = treated > 0 && heldOut > 0 ? minimumDetectableUplift(baseline, treated, heldOut) : null;
    const count = (v?: number) => (v == null ? "" : esc(formatCount(v)));
    const rows = funnelRows(funnel, m).map(
      (r) => `<tr><th>${esc(r.step)}</th><td>${count(r.customers)}</td><td>${count(r.removed)}</td></tr>`
    );
    return [
      `<h1>${esc(m.title)}</h1>`,
      `<p>${rich(m.intro(data.asOf)).outerHTML}</p>`,
      data.known.consent === 0
        ? `<p class="warning" data-note="no-consent">${rich(m.noConsentData).outerHTML}</p>`
        : "",
      `<div class="grid grid-cols-4">`,
      card(m.audience, formatCount(funnel.audience), m.revenue(formatCents(funnel.audienceRevenueCents))),
      card(m.treatment, formatCount(treated)),
      card(m.holdout, formatCount(heldOut)),
      card(m.detectable, mde === null ? "–" : `${(mde * 100).toFixed(1)}`, m.detectableNote(formatShare(baseline))),
      "</div>",
      `<h2>${esc(m.funnelTitle)}</h2>`,
      `<p>${esc(m.funnelIntro)}</p>`,
      `<table><thead><tr><th></th><th>${esc(m.left)}</th><th>${esc(m.removed)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
    ].join("\n");
  });
}
