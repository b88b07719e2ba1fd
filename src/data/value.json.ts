// Results for the value page's default inputs, computed at build time (loaders/reports.ts).
import {emitKept, reportFile} from "#loaders/kept.js";

await emitKept(reportFile("value"), async () => (await import("#loaders/reports.js")).valueReport());
