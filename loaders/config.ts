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
import {DEFAULT_HIGH_VALUE} from "../src/lib/locale.js";

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
  /**
   * Revenue to date, in `currency`, from which a customer is high value: the four types' loyal,
   * the lifecycle stage High value, and the scale of the RFM explorer's default monetary cuts
   * (README, Segmentation). 3,000 unless set, a yuan figure: set it with any other currency.
   */
  highValue?: number;
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

/** The site's default language, its currency and the high-value revenue in it. */
export interface SiteLocale {
  language: "zh-CN" | "en";
  /** ISO 4217 code. */
  currency: string;
  highValue: number;
}

/**
 * The config's language, currency and high-value revenue, with their defaults (zh-CN, CNY,
 * 3,000), or an error naming a bad value.
 */
export function siteLocale(config: WorkbenchConfig): SiteLocale {
  const language = config.language ?? "zh-CN";
  const currency = config.currency ?? "CNY";
  const highValue = config.highValue ?? DEFAULT_HIGH_VALUE;
  if (!["zh-CN", "en"].includes(language))
    throw new Error(`workbench.config.ts: language must be "zh-CN" or "en", got ${language}`);
  if (!/^[A-Z]{3}$/.test(currency))
    throw new Error(`workbench.config.ts: currency must be an ISO 4217 code such as CNY, got ${currency}`);
  if (typeof highValue !== "number" || !Number.isFinite(highValue) || highValue <= 0)
    throw new Error(`workbench.config.ts: highValue must be an amount above 0 (in ${currency}), got ${highValue}`);
  return {language, currency, highValue};
}

/**
 * The warning a build prints once when the settings in money are still the sample chain's yuan
 * figures (highValue; loyalty.tiers) but the site counts in another currency; null when none is.
 */
export function yuanDefaultsWarning(config: WorkbenchConfig): string | null {
  const {currency} = siteLocale(config);
  if (currency === "CNY") return null;
  const unset = [
    config.highValue === undefined && `highValue (a customer is high value from 3,000 ${currency})`,
    config.loyalty?.tiers === undefined && `loyalty.tiers (tiers from 1,500, 5,000 and 15,000 ${currency})`
  ].filter(Boolean);
  if (unset.length === 0) return null;
  return (
    `warning: currency is ${currency} but ${unset.join(" and ")} ${unset.length > 1 ? "are" : "is"} not set: ` +
    `the sample chain's yuan figures. Set ${unset.length > 1 ? "them" : "it"} in workbench.config.ts ` +
    `to amounts in ${currency} (README, Segmentation; Member tiers and points).`
  );
}

/** Loads the config module named by WORKBENCH_CONFIG, or workbench.config.ts. */
export async function loadConfig(
  env: NodeJS.ProcessEnv = process.env
): Promise<{config: WorkbenchConfig; path: string}> {
  const path = resolve(env.WORKBENCH_CONFIG ?? "workbench.config.ts");
  const module = await import(pathToFileURL(path).href);
  return {config: module.default as WorkbenchConfig, path};
}
