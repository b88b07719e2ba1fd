// Cohort counts by first purchase month, month and filter values (src/lib/cohorts.ts, loaders/reports.ts).
import {emit} from "#loaders/emit.js";
import {cohortCubeParquet} from "#loaders/reports.js";

await emit(cohortCubeParquet);
