/**
 * The leadership report of a build: every reported period's figures, suppressed, computed once
 * per build (the first loader to ask computes them under a lock, the others read the files) and
 * kept in the build's private folder beside the tables they come from.
 */
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {
  type Period,
  type ReportGrain,
  completePeriods,
  periodContaining,
  periodsPerYear,
  shiftPeriod
} from "../../src/lib/periods.js";
import {sqlNumber} from "../../src/lib/sql.js";
import {buildFolder} from "../build-folder.js";
import {loadConfig} from "../config.js";
import {MODEL_DEFAULTS} from "../derive/model-settings.js";
import {queryRows} from "../duckdb.js";
import {UserError} from "../errors.js";
import {REPORT_FOLDER} from "../kept.js";
import {withLock} from "../lock.js";
import {siteTables} from "../reports.js";
import {type CoreFigures, coreFigures, detailFigures, prepareReport} from "./figures.js";
import {type PeriodReport, periodReport, type ValueCell} from "./report.js";
import {type Cell, DEFAULT_MIN_CELL, cellsOf, suppress} from "./suppress.js";

export interface ReportSettings {
  /** Calendar months (default) or quarters. */
  grain: ReportGrain;
  /** How many complete periods up to the as-of date get a report (the archive). */
  periods: number;
  /** k: figures from 1 to k − 1 customers are suppressed. */
  minCell: number;
}

export const REPORT_DEFAULTS: ReportSettings = {grain: "month", periods: 12, minCell: DEFAULT_MIN_CELL};

/** Predictions as of the build date: shown on the report's front page only (see README). */
export interface Outlook {
  asOf: string;
  threshold: number;
  /** Buyers scored and their expected discounted CLV (cents). */
  scored: ValueCell;
  /** Buyers with P(alive) under the threshold and their CLV; null when the model gave no P(alive). */
  atRisk: ValueCell | null;
}

export interface ReportIndex {
  asOf: string;
  builtAt: string;
  grain: ReportGrain;
  minCell: number;
  /** Reported periods, latest first. */
  periods: Period[];
  outlook: Outlook | null;
}

export function reportSettings(config: {report?: Partial<ReportSettings>}): ReportSettings {
  const settings = {...REPORT_DEFAULTS, ...config.report};
  if (!["month", "quarter"].includes(settings.grain))
    throw new UserError(`workbench.config.ts: report.grain must be "month" or "quarter", got ${settings.grain}`);
  if (!Number.isInteger(settings.periods) || settings.periods < 1 || settings.periods > 120)
    throw new UserError(
      `workbench.config.ts: report.periods must be a whole number from 1 to 120, got ${settings.periods}`
    );
  if (!Number.isInteger(settings.minCell) || settings.minCell < 2)
    throw new UserError(
      `workbench.config.ts: report.minCell must be a whole number of at least 2, got ${settings.minCell}`
    );
  return settings;
}

const INDEX = "index.json";

/** The report's folder in the build, computed first if no loader of this build has. */
async function reportFolder(): Promise<string> {
  const {config} = await loadConfig();
  const settings = reportSettings(config);
  // Made once per build: the build's other report loaders read it without opening DuckDB.
  const folder = join((await buildFolder()).dir, REPORT_FOLDER);
  if (existsSync(join(folder, INDEX))) return folder;
  const site = await siteTables();
  await withLock(
    `${folder}.lock`,
    () => existsSync(join(folder, INDEX)),
    async () => {
      const tmp = `${folder}.tmp`;
      rmSync(tmp, {recursive: true, force: true});
      mkdirSync(tmp, {recursive: true});
      const riskThreshold = config.models?.riskThreshold ?? MODEL_DEFAULTS.riskThreshold;
      await writeReports(site.db, site.asOf, site.info.builtAt, settings, riskThreshold, tmp);
      rmSync(folder, {recursive: true, force: true});
      renameSync(tmp, folder);
    }
  );
  return folder;
}

export async function reportIndex(): Promise<ReportIndex> {
  return JSON.parse(readFileSync(join(await reportFolder(), INDEX), "utf-8"));
}

export async function reportOf(id: string): Promise<PeriodReport> {
  const folder = await reportFolder();
  const file = join(folder, `${id}.json`);
  if (!/^\d{4}-(\d{2}|Q\d)$/.test(id) || !existsSync(file)) throw new UserError(`no report for the period ${id}`);
  return JSON.parse(readFileSync(file, "utf-8"));
}

/** A period's JSON as the site publishes it (src/report/[period].json.ts), as writeReports keeps it. */
export async function periodJson(period: string): Promise<string> {
  return JSON.stringify(await reportOf(period), null, 1);
}

/**
 * Computes every reported period's report into `dir` (one JSON file per period, index.json).
 * Periods before the data's first month are left out; a comparison period before it is null.
 */
export async function writeReports(
  db: DuckDBConnection,
  asOf: string,
  builtAt: string,
  settings: ReportSettings,
  riskThreshold: number,
  dir: string
): Promise<ReportIndex> {
  const {grain, minCell} = settings;
  const [{first}] = await queryRows<{first: Date | null}>(db, "SELECT min(day) AS first FROM customer_day");
  const periods = first ? completePeriods(asOf, grain, settings.periods) : [];
  const dataStart = first ? periodContaining(first.toISOString().slice(0, 10), grain).start : "";
  const reported = periods.filter((p) => p.end >= dataStart);
  if (!reported.length)
    return writeIndex(db, {asOf, builtAt, grain, minCell, periods: [], outlook: null}, riskThreshold, dir);
  const year = periodsPerYear(grain);
  const prepared = await prepareReport(db, grain);
  const core = new Map<string, CoreFigures>();
  const coreOf = async (p: Period): Promise<CoreFigures> => {
    if (!core.has(p.id)) core.set(p.id, await coreFigures(db, prepared, p));
    return core.get(p.id)!;
  };
  /** A period to compare with or chart: none when it ended before the data began. */
  const earlier = (p: Period) => (p.end >= dataStart ? coreOf(p) : null);
  for (const p of reported) {
    const previous = shiftPeriod(p, grain, -1);
    const trend: CoreFigures[] = [];
    for (let i = year; i >= 0; i--) {
      const f = await earlier(shiftPeriod(p, grain, -i));
      if (f) trend.push(f);
    }
    const report = periodReport(
      grain,
      await coreOf(p),
      await coreOf(previous),
      await earlier(shiftPeriod(p, grain, -year)),
      trend,
      await detailFigures(db, prepared, p, previous),
      {minCell, builtAt}
    );
    writeFileSync(join(dir, `${p.id}.json`), JSON.stringify(report, null, 1));
  }
  return writeIndex(
    db,
    {asOf, builtAt, grain, minCell, periods: [...reported].reverse(), outlook: null},
    riskThreshold,
    dir
  );
}

/** index.json: the periods, latest first, and the outlook as of the build date. */
async function writeIndex(
  db: DuckDBConnection,
  index: ReportIndex,
  riskThreshold: number,
  dir: string
): Promise<ReportIndex> {
  index.outlook = await outlook(db, index.asOf, riskThreshold, index.minCell);
  writeFileSync(join(dir, INDEX), JSON.stringify(index, null, 1));
  return index;
}

async function outlook(
  db: DuckDBConnection,
  asOf: string,
  threshold: number,
  minCell: number
): Promise<Outlook | null> {
  const [row] = await queryRows<{
    scored: number;
    clv: number | null;
    with_p: number;
    at_risk: number;
    risk_clv: number | null;
  }>(
    db,
    `SELECT CAST(count(*) AS INTEGER) AS scored, CAST(sum(clv_cents) AS BIGINT) AS clv,
  CAST(count(p_alive) AS INTEGER) AS with_p,
  CAST(count(*) FILTER (WHERE p_alive < ${sqlNumber(threshold, "risk threshold")}) AS INTEGER) AS at_risk,
  CAST(coalesce(sum(clv_cents) FILTER (WHERE p_alive < ${sqlNumber(threshold)}), 0) AS BIGINT) AS risk_clv
FROM predictions`
  );
  if (!row || row.scored === 0) return null;
  const result: Outlook = {
    asOf,
    threshold,
    scored: {value: row.clv, customers: row.scored},
    atRisk: row.with_p > 0 ? {value: row.risk_clv, customers: row.at_risk, base: row.scored} : null
  };
  suppress(cellsOf(result) as Cell[], [], minCell);
  return result;
}
