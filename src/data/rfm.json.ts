// The RFM explorer's results for its default inputs, computed at build time (loaders/reports.ts).
import {emit} from "#loaders/emit.js";
import {rfmReport} from "#loaders/reports.js";

await emit(rfmReport);
