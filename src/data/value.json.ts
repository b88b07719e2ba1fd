// Results for the value page's default inputs, computed at build time (loaders/reports.ts).
import {emit} from "#loaders/emit.js";
import {valueReport} from "#loaders/reports.js";

await emit(valueReport);
