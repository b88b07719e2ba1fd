// Results for the demographics page's default inputs, computed at build time (loaders/reports.ts).
import {emit} from "#loaders/emit.js";
import {demographicsReport} from "#loaders/reports.js";

await emit(demographicsReport);
