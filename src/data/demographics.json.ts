// Results for the demographics page's default inputs, computed at build time (loaders/reports.ts).
import {emitKept, reportFile} from "#loaders/kept.js";

await emitKept(reportFile("demographics"), async () => (await import("#loaders/reports.js")).demographicsReport());
