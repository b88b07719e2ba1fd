/**
 * The leadership report's pages, written at build time as static HTML inside Framework
 * Markdown: every number, sentence and chart (Plot, drawn with jsdom) is in the page itself, so
 * it paints at once, prints, and needs no database engine or data file in the browser.
 *
 * Both languages are in the page; the reader's (src/lib/locale.ts) is shown, the site's default
 * until the page's one small script runs. Element ids carry the language (en-kpi-active) so the
 * two copies never clash.
 */
import {ShareBars} from "../../src/components/ShareBars.js";
import {PeriodBars} from "../../src/components/PeriodBars.js";
import {formatCents, formatCount, formatHighValue, formatPoints, formatShare} from "../../src/lib/format.js";
import type {Language} from "../../src/lib/locale.js";
import type {SiteLocale} from "../config.js";
import {drawn, esc} from "../pages/dom.js";
import {inEachLanguage} from "../pages/languages.js";
import {MESSAGES, playbook, segmentName, stateName, t} from "../../src/lib/messages.js";
import {findings} from "./findings.js";
import type {Outlook, ReportIndex} from "./index.js";
import {REPORT_DIMENSIONS} from "../../src/lib/periods.js";
import {KPI_KIND, KPI_NAMES, hasValue, type KpiName, type PeriodReport, type ValueCell} from "./report.js";

const DASH = `<span class="suppressed" title="suppressed">—</span>`;

function formatKpi(name: KpiName, value: number): string {
  const kind = KPI_KIND[name];
  if (kind === "rate") return formatShare(value);
  if (kind === "money") return formatCents(value);
  if (kind === "ratio") return value.toFixed(2);
  return formatCount(value);
}

/** A cell's value for a table, or a dash when suppressed. */
const value = (cell: {suppressed?: true} & Record<string, unknown>, field: string, format: (v: number) => string) =>
  cell.suppressed || typeof cell[field] !== "number" ? DASH : esc(format(cell[field] as number));

/** The change from `before` to `now`: points for rates, per cent otherwise. */
function change(name: KpiName, now: ValueCell, before: ValueCell | null): string {
  if (!hasValue(now) || !hasValue(before)) return t().report.noComparison;
  const sign = (x: number) => (x > 0 ? "+" : x < 0 ? "−" : "±");
  if (KPI_KIND[name] === "rate") {
    const points = (now.value - before.value) * 100;
    return t().report.points(`${sign(points)}${Math.abs(points).toFixed(1)}`);
  }
  if (before.value === 0) return t().report.noComparison;
  const percent = (now.value / before.value - 1) * 100;
  return `${sign(percent)}${Math.abs(percent).toFixed(1)} %`;
}

function kpiCards(report: PeriodReport, id: (name: string) => string): string {
  const m = t().report;
  const cards = KPI_NAMES.map((name) => {
    const kpi = report.kpis[name];
    const vsYear = report.yearAgo
      ? `<span class="delta">${esc(m.vsYearAgo(report.yearAgo.id))}: ${esc(change(name, kpi.current, kpi.yearAgo))}</span>`
      : "";
    return `<div class="card report-kpi" id="${id(`kpi-${name}`)}" data-kpi="${name}"><h3>${esc(m.kpis[name])}</h3><span class="big" data-value>${hasValue(kpi.current) ? esc(formatKpi(name, kpi.current.value)) : DASH}</span><span class="delta">${esc(m.vsPrevious(report.previous.id))}: ${esc(change(name, kpi.current, kpi.previous))}</span>${vsYear}</div>`;
  });
  return `<div class="report-kpis">${cards.join("")}</div>\n<p class="muted small">${esc(m.kpiHelp)}</p>`;
}

/** The findings, each linking to its figure at `href(figure id)`. */
function findingsList(report: PeriodReport, href: (figure: string) => string): string {
  const m = t().report;
  const items = findings(report).map(
    (f) => `<li data-figure="${f.figure}"><a href="${href(f.figure)}">${esc(f.text)}</a></li>`
  );
  return `<h2>${esc(m.findingsTitle)}</h2>\n<ul class="report-findings">${items.join("")}</ul>\n<p class="muted small">${esc(m.findingsHelp)}</p>`;
}

/** Active buyers and revenue over the year up to the period. */
function trendCharts(report: PeriodReport, id: (name: string) => string): string {
  const m = t().report;
  const chart = (key: "active" | "revenue", label: string, format: (v: number) => string) =>
    `<figure class="report-chart" data-chart="trend-${key}"><figcaption>${esc(label)}</figcaption>${drawn(() =>
      PeriodBars(
        report.trend.map((r) => ({id: r.id, value: hasValue(r[key]) ? r[key].value : null})),
        {width: 640, label, format}
      )
    )}</figure>`;
  return `<h2>${esc(m.trendTitle)}</h2>\n<div id="${id("trend")}">${chart("active", m.trendActive, formatCount)}${chart("revenue", m.trendRevenue, formatCents)}</div>`;
}

function table(headers: string[], rows: string[][], attributes = ""): string {
  return `<table class="report-table"${attributes}><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

function periodBody(report: PeriodReport, language: Language): string {
  const m = t().report;
  const id = (name: string) => `${language}-${name}`;
  const parts: string[] = [];
  parts.push(
    `<h2>${esc(m.kpisTitle)}</h2>`,
    kpiCards(report, id),
    findingsList(report, (figure) => `#${id(figure)}`)
  );
  parts.push(trendCharts(report, id));
  // Four types.
  const before = new Map(report.typesBefore.map((x) => [x.type, x]));
  const revenue = new Map(report.typeRevenue.map((x) => [x.type, x]));
  const typeRows = report.types.map((x) => {
    const b = before.get(x.type);
    const r = revenue.get(x.type);
    const delta =
      x.customers !== null && b?.customers != null
        ? `${x.customers - b.customers >= 0 ? "+" : "−"}${formatCount(Math.abs(x.customers - b.customers))}`
        : "—";
    return [
      esc(segmentName(x.type)),
      value(x, "customers", formatCount),
      value(x, "customer_share", formatShare),
      r ? value(r, "revenue_share", formatShare) : DASH,
      esc(delta),
      esc(playbook(x.type))
    ];
  });
  const bars = report.types
    .filter((x) => x.customer_share !== null && revenue.get(x.type)?.revenue_share != null)
    .map((x) => ({
      group: segmentName(x.type),
      customers: x.customers ?? 0,
      revenue_cents: revenue.get(x.type)?.revenue_cents ?? 0,
      customer_share: x.customer_share ?? 0,
      revenue_share: revenue.get(x.type)?.revenue_share ?? 0
    }));
  parts.push(
    `<h2 id="${id("types")}">${esc(m.typesTitle)}</h2>`,
    `<p class="muted small">${esc(m.typesHelp(formatHighValue()))}</p>`,
    `<figure class="report-chart" data-chart="types">${drawn(() => ShareBars(bars, {width: 640, label: m.type}))}</figure>`,
    table([m.type, m.size, m.customerShare, m.revenueShare, m.change, m.playbook], typeRows, ' data-table="types"')
  );
  // Migration between types: a matrix of from (rows) × to (columns).
  const name = (s: string) => (s === "(not in population)" ? m.newlyKnown : segmentName(s));
  const froms = [...new Set(report.migration.map((x) => x.from))];
  const tos = [...new Set(report.migration.map((x) => x.to))].filter((x) => x !== "(not in population)");
  const cell = (from: string, to: string) => {
    const c = report.migration.find((x) => x.from === from && x.to === to);
    return c ? value(c, "customers", formatCount) : "0";
  };
  parts.push(
    `<h3 id="${id("migration")}">${esc(m.migrationTitle(report.previous.end, report.period.end))}</h3>`,
    table(
      ["", ...tos.map(name)],
      froms.map((f) => [esc(name(f)), ...tos.map((to) => cell(f, to))]),
      ' data-table="migration"'
    )
  );
  // Lifecycle.
  parts.push(
    `<h2 id="${id("lifecycle")}">${esc(m.lifecycleTitle)}</h2>`,
    `<p class="muted small">${esc(m.lifecycleHelp)}</p>`,
    table(
      report.lifecycle.map((x) => stateName(x.state)),
      [report.lifecycle.map((x) => value(x, "customers", formatCount))],
      ' data-table="lifecycle"'
    )
  );
  // Cohorts.
  const cohortRows = [
    ...report.cohorts.pooled.map((c) => [esc(m.afterMonths(c.months)), value(c, "retention", formatShare)]),
    ...report.cohorts.recent.map((c) => [esc(m.cohort(c.cohort)), value(c, "retention", formatShare)])
  ];
  parts.push(
    `<h2 id="${id("cohorts")}">${esc(m.cohortsTitle)}</h2>`,
    `<p class="muted small">${esc(m.cohortsHelp)}</p>`,
    table(["", t().report.kpis.retention], cohortRows, ' data-table="cohorts"')
  );
  // Regions and stores.
  parts.push(`<h2>${esc(m.groupsTitle)}</h2>`, `<p class="muted small">${esc(m.groupsHelp(report.minCell))}</p>`);
  for (const dimension of REPORT_DIMENSIONS) {
    const g = report.groups[dimension];
    const heading = dimension === "region" ? m.regionHeading : m.storeHeading;
    const rows = [
      ...g.top.map((r) => [
        esc(m.top),
        esc(r.group),
        value(r.revenuePerBuyer, "value", formatCents),
        value(r.retention, "value", formatShare)
      ]),
      ...g.bottom.map((r) => [
        esc(m.bottom),
        esc(r.group),
        value(r.revenuePerBuyer, "value", formatCents),
        value(r.retention, "value", formatShare)
      ])
    ];
    parts.push(
      `<h3 id="${id(`groups-${dimension}`)}">${esc(heading)} <span class="muted small">${esc(m.ranked(formatCount(g.shown), formatCount(g.groups)))}</span></h3>`,
      rows.length
        ? table(["", heading, m.kpis.revenuePerBuyer, m.kpis.retention], rows, ` data-table="groups-${dimension}"`)
        : `<p>${esc(g.groups === 0 ? m.noAttribute(heading) : m.noGroups)}</p>`
    );
  }
  parts.push(`<h2 id="${id("campaigns")}">${esc(m.campaignsTitle)}</h2>`, campaignsSection(report));
  parts.push(`<p class="muted small report-suppressed-note">${esc(m.suppressed(report.minCell))}</p>`);
  return parts.join("\n");
}

/** The campaigns whose window closed in the period, with their uplift, then those still running. */
function campaignsSection(report: PeriodReport): string {
  const m = t().report;
  const {closed, open} = report.campaigns;
  const verdict = (u: {low: number; high: number}) =>
    u.low > 0 ? m.campaignRaised : u.high < 0 ? m.campaignLowered : m.campaignUnclear;
  const rows = closed.map((c) => [
    esc(c.campaign_name),
    esc(c.sent_date),
    c.contacted === null ? DASH : esc(formatCount(c.contacted)),
    c.heldOut === null ? DASH : esc(formatCount(c.heldOut)),
    c.contactedRate === null || c.heldOutRate === null
      ? DASH
      : esc(`${formatShare(c.contactedRate)} / ${formatShare(c.heldOutRate)}`),
    c.uplift
      ? esc(
          `${formatPoints(c.uplift.estimate)} [${formatPoints(c.uplift.low)}, ${formatPoints(c.uplift.high)}] · ${verdict(c.uplift)}`
        )
      : DASH
  ]);
  return [
    closed.length
      ? table(m.campaignColumns, rows, ' data-table="campaigns"')
      : `<p data-empty="campaigns">${esc(m.noCampaigns)}</p>`,
    ...open.map((c) => `<p class="muted small">${esc(m.campaignOpen(c.campaign_name, c.sent_date, c.closes))}</p>`),
    closed.length ? `<p class="muted small">${esc(m.campaignMethod)}</p>` : ""
  ].join("\n");
}

function outlookSection(outlook: Outlook | null): string {
  const m = t().report;
  if (!outlook) return `<p>${esc(m.noOutlook)}</p>`;
  const card = (key: string, label: string, cell: ValueCell | null) =>
    `<div class="card report-kpi" data-outlook="${key}"><h3>${esc(label)}</h3><span class="big">${hasValue(cell) ? esc(formatCents(cell.value)) : DASH}</span><span class="delta">${cell && !cell.suppressed && cell.customers !== null ? esc(m.buyersCount(formatCount(cell.customers))) : ""}</span></div>`;
  return `<h2>${esc(m.outlookTitle(outlook.asOf))}</h2>\n<div class="report-kpis">${card("scored", m.scored, outlook.scored)}${card("at-risk", m.atRisk, outlook.atRisk)}</div>\n<p class="muted small">${esc(m.outlookHelp(formatShare(outlook.threshold)))}</p>`;
}

/** Text for CSS content: "…" with quotes and backslashes escaped. */
const cssString = (s: string) => `"${s.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;

/**
 * Each language's copy of a page body, the site's default language shown until the script picks
 * the reader's. `footer` is the printed pages' footer text (period and build date) in each
 * language: an @page rule (the one in style.css adds the page numbers), which the
 * script switches with the language.
 */
function bilingual(
  body: (language: Language) => string,
  footer: (language: Language) => string,
  options: SiteLocale
): string {
  const footerRule = (language: Language) =>
    `@page { @bottom-left { content: ${cssString(footer(language))}; font-size: 9pt; color: #666; } }`;
  let footerStyle = "";
  const sections = inEachLanguage(options, (language, attributes) => {
    if (language === options.language) footerStyle = `<style id="report-print-footer">${footerRule(language)}</style>`;
    return `<section class="report" ${attributes} data-print-footer="${esc(footerRule(language))}">\n${body(language)}\n</section>`;
  });
  return `${footerStyle}\n${sections.join("\n")}

\`\`\`js
// Show the reader's language (the address, the last choice on this browser, or the site's
// default), and print its footer.
import {locale} from "../lib/locale.js";
for (const section of document.querySelectorAll("[data-lang-copy]")) {
  const shown = section.dataset.langCopy === locale().language;
  section.toggleAttribute("data-shown", shown);
  if (shown) document.getElementById("report-print-footer").textContent = section.dataset.printFooter;
}
\`\`\`
`;
}

const front = (title: string) => `---\ntitle: ${title}\ntoc: false\n---\n\n`;

/** The Markdown page of one period's report. */
export function periodPage(report: PeriodReport, options: SiteLocale): string {
  const title = `${MESSAGES["zh-CN"].report.periodTitle(report.period.id)} ${MESSAGES.en.report.periodTitle(report.period.id)}`;
  const body = (language: Language) => {
    const m = t().report;
    return [
      `<h1>${esc(m.periodTitle(report.period.id))}</h1>`,
      `<p class="muted report-meta">${esc(m.meta(report.period.start, report.period.end, report.builtAt.slice(0, 16).replace("T", " ")))}</p>`,
      `<p class="report-links"><a href="./">${esc(m.archive)}</a> · <a href="./${report.period.id}.json" download>${esc(m.json)}</a></p>`,
      periodBody(report, language)
    ].join("\n");
  };
  const built = report.builtAt.slice(0, 16).replace("T", " ");
  const footer = () => t().report.printedFrom(report.period.id, built);
  return `${front(title)}<div class="report-page" data-report-period="${report.period.id}">\n${bilingual(body, footer, options)}</div>\n`;
}

/** The report's front page: the latest period in brief, the outlook, and every period's report. */
export function indexPage(index: ReportIndex, latest: PeriodReport | null, options: SiteLocale): string {
  const title = `${MESSAGES["zh-CN"].report.title} ${MESSAGES.en.report.title}`;
  const body = (language: Language) => {
    const m = t().report;
    const id = (name: string) => `${language}-${name}`;
    const parts = [`<h1>${esc(m.title)}</h1>`];
    if (!latest) parts.push(`<p>${esc(m.none)}</p>`);
    else
      parts.push(
        `<h2>${esc(m.latest)}: <a href="./${latest.period.id}">${esc(m.open(latest.period.id))}</a></h2>`,
        `<p class="muted report-meta">${esc(m.meta(latest.period.start, latest.period.end, latest.builtAt.slice(0, 16).replace("T", " ")))}</p>`,
        kpiCards(latest, id),
        findingsList(latest, (figure) => `./${latest.period.id}#${id(figure)}`),
        trendCharts(latest, id)
      );
    parts.push(outlookSection(index.outlook));
    parts.push(
      `<h2>${esc(m.archive)}</h2>`,
      `<ul class="report-archive">${index.periods.map((p) => `<li><a href="./${p.id}" data-period="${p.id}">${esc(m.open(p.id))}</a> <span class="muted small">${p.start} – ${p.end}</span></li>`).join("")}</ul>`
    );
    return parts.join("\n");
  };
  const footer = () => `${t().report.title} · ${index.asOf}`;
  return `${front(title)}<div class="report-page" data-report-index>\n${bilingual(body, footer, options)}</div>\n`;
}
