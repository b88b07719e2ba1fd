// Data quality: what became of every input row, as counts (loaders/derive/quality.ts).
import {emit} from "#loaders/emit.js";
import {qualityJson} from "#loaders/outputs.js";

await emit(qualityJson);
