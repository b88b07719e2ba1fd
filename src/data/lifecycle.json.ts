// Results for the lifecycle page's default inputs, computed at build time (loaders/reports.ts).
import {emit} from "#loaders/emit.js";
import {lifecycleReport} from "#loaders/reports.js";

await emit(lifecycleReport);
