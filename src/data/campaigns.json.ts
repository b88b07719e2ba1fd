// Every campaign's outcomes by group and by segment, and the campaign settings (loaders/act.ts).
import {emitKept, reportFile} from "#loaders/kept.js";

await emitKept(reportFile("campaigns"), async () => (await import("#loaders/act.js")).campaignsReport());
