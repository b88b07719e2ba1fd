// Data quality: what became of every input row, as counts (loaders/derive/quality.ts).
import {qualityJson} from "#loaders/outputs.js";

process.stdout.write(await qualityJson());
