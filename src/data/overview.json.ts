// The overview's breakdown for its default inputs, computed at build time (loaders/reports.ts).
import {emitKept, reportFile} from "#loaders/kept.js";

await emitKept(reportFile("overview"), async () => (await import("#loaders/reports.js")).overviewReport());
