// Headline figures and the as-of date (loaders/derive/kpis.ts).
import {emit} from "#loaders/emit.js";
import {kpisJson} from "#loaders/outputs.js";

await emit(kpisJson);
