// Results for the cohorts page's default inputs, computed at build time (loaders/reports.ts).
import {cohortsReport} from "#loaders/reports.js";

process.stdout.write(await cohortsReport());
