// Results for the cohorts page's default inputs, computed at build time (loaders/reports.ts).
import {emit} from "#loaders/emit.js";
import {cohortsReport} from "#loaders/reports.js";

await emit(cohortsReport);
