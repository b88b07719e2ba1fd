// The RFM explorer's results for its default inputs, computed at build time (loaders/reports.ts).
import {emitKept, reportFile} from "#loaders/kept.js";

await emitKept(reportFile("rfm"), async () => (await import("#loaders/reports.js")).rfmReport());
