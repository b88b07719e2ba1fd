/** The shape of workbench.config.ts, and how the loaders find it. */
import {resolve} from "node:path";
import {pathToFileURL} from "node:url";
import type {FilesSource} from "./sources/files/index.js";
import type {PostgresSource} from "./sources/postgres.js";
import type {SampleOptions} from "./sources/synthetic/index.js";
import type {ModelSettings} from "./derive/predict.js";
import type {ReportSettings} from "./report/index.js";

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
}

/** Loads the config module named by WORKBENCH_CONFIG, or workbench.config.ts. */
export async function loadConfig(
  env: NodeJS.ProcessEnv = process.env
): Promise<{config: WorkbenchConfig; path: string}> {
  const path = resolve(env.WORKBENCH_CONFIG ?? "workbench.config.ts");
  const module = await import(pathToFileURL(path).href);
  return {config: module.default as WorkbenchConfig, path};
}
