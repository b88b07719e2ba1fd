/**
 * The prediction step's settings and file names, apart from the step itself (predict.ts): the
 * loaders that only read its results import this, not the models and k-means behind them, which
 * take half a second to load in each of a build's loader processes.
 */
import type {ClvSettings} from "../models/clv.js";

export interface ModelSettings extends ClvSettings {
  /** Weeks at the end of the data held out to validate the models (default 26). */
  holdoutWeeks: number;
  /** P(alive) below this counts as at risk (default 0.5). */
  riskThreshold: number;
  /** Clusters of the published default clustering (default 4; the clusters page picks any k). */
  clusters: number;
}

export const MODEL_DEFAULTS: ModelSettings = {
  horizonMonths: 12,
  monthlyDiscount: 0.01,
  margin: 1,
  holdoutWeeks: 26,
  riskThreshold: 0.5,
  clusters: 4
};

/** The step's outputs in the build folder. */
export const PREDICTIONS_FILE = "predictions.parquet";
export const MODELS_FILE = "models.json";
