// Results for the lifecycle page's default inputs, computed at build time (loaders/reports.ts).
import {emitKept, reportFile} from "#loaders/kept.js";

await emitKept(reportFile("lifecycle"), async () => (await import("#loaders/reports.js")).lifecycleReport());
