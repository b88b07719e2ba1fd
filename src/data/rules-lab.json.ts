// The rules lab's result for its opening rules, computed at build time (loaders/reports.ts).
import {emitKept, reportFile} from "#loaders/kept.js";

await emitKept(reportFile("rules-lab"), async () => (await import("#loaders/reports.js")).rulesLabReport());
