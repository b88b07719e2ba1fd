// Cohort counts by first purchase month, month and filter values (src/lib/cohorts.ts, loaders/reports.ts).
import {cohortCubeParquet} from "#loaders/reports.js";

process.stdout.write(await cohortCubeParquet());
