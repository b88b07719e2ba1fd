// One row per buyer: P(alive), expected purchases, CLV, churn signals, cluster (loaders/derive/predict.ts).
import {emit} from "#loaders/emit.js";
import {predictionsParquet} from "#loaders/outputs.js";

await emit(predictionsParquet);
