// Results for the cohorts page's default inputs, computed at build time (loaders/reports.ts).
import {emitKept, reportFile} from "#loaders/kept.js";

await emitKept(reportFile("cohorts"), async () => (await import("#loaders/reports.js")).cohortsReport());
