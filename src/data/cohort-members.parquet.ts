// Cohort counts by first purchase month, month and filter values (src/lib/cohorts.ts, loaders/reports.ts).
import {cohortMembersParquet} from "#loaders/reports.js";

process.stdout.write(await cohortMembersParquet());
