/** The shape of workbench.config.ts, and how the loaders find it. */
import {resolve} from "node:path";
import {pathToFileURL} from "node:url";
import type {FilesSource} from "./sources/files/index.js";
import type {PostgresSource} from "./sources/postgres.js";
import type {SampleOptions} from "./sources/synthetic/index.js";
import type {ModelSettings} from "./derive/model-settings.js";
import type {ReportSettings} from "./report/index.js";
import type {CampaignSettings} from "../src/lib/campaigns.js";
import type {LoyaltyRules} from "../src/lib/loyalty.js";

export type SourceConfig = ({type: "sample"} & SampleOptions) | FilesSource | PostgresSource;

export interface WorkbenchConfig {
  source: SourceConfig;
  /** The as-of date of the published tables (ISO); default: the last day with data. */
  asOf?: string;
  /**
   * Also write the canonical tables (orders, customers, ...) to the build's DuckDB file, to
   * open it and inspect what ingestion made of the data. Off: they stay in memory (faster).
   */
  keepCanonical?: boolean;
  /** ISO 4217 code of every amount (pages, charts, exports); CNY unless set. */
  currency?: string;
  /** The site's default language ("zh-CN" unless set); readers can switch on any page. */
  language?: "zh-CN" | "en";
  /** Prediction settings (README, Predictions); each defaults to MODEL_DEFAULTS. */
  models?: Partial<ModelSettings>;
  /** Leadership report settings (README, Leadership report); each defaults to REPORT_DEFAULTS. */
  report?: Partial<ReportSettings>;
  /** Campaign evaluation settings (README, Campaign evaluation); each defaults to CAMPAIGN_DEFAULTS. */
  campaigns?: Partial<CampaignSettings>;
  /** Member tiers and points rules (README, Loyalty); each defaults to LOYALTY_DEFAULTS. */
  loyalty?: Partial<LoyaltyRules>;
}

/** The site's default language and currency. */
export interface SiteLocale {
  language: "zh-CN" | "en";
  /** ISO 4217 code. */
  currency: string;
}

/** The config's language and currency, with their defaults (zh-CN, CNY), or an error naming a bad value. */
export function siteLocale(config: WorkbenchConfig): SiteLocale {
  const language = config.language ?? "zh-CN";
  const currency = config.currency ?? "CNY";
  if (!["zh-CN", "en"].includes(language))
    throw new Error(`workbench.config.ts: language must be "zh-CN" or "en", got ${language}`);
  if (!/^[A-Z]{3}$/.test(currency))
    throw new Error(`workbench.config.ts: currency must be an ISO 4217 code such as CNY, got ${currency}`);
  return {language, currency};
}

/** Loads the config module named by WORKBENCH_CONFIG, or workbench.config.ts. */
export async function loadConfig(
  env: NodeJS.ProcessEnv = process.env
): Promise<{config: WorkbenchConfig; path: string}> {
  const path = resolve(env.WORKBENCH_CONFIG ?? "workbench.config.ts");
  const module = await import(pathToFileURL(path).href);
  return {config: module.default as WorkbenchConfig, path};
}
