// One row per buyer: P(alive), expected purchases, CLV, churn signals, cluster (loaders/derive/predict.ts).
import {emitKept} from "#loaders/kept.js";
import {PUBLISHED_FILES} from "#loaders/derive/published-files.js";

await emitKept(PUBLISHED_FILES.out_predictions, async () => (await import("#loaders/outputs.js")).predictionsParquet());
