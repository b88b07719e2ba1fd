// The overview's breakdown for its default inputs, computed at build time (loaders/reports.ts).
import {emit} from "#loaders/emit.js";
import {overviewReport} from "#loaders/reports.js";

await emit(overviewReport);
