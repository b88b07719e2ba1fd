// The audience page's default audience (funnel, segments), filter values and key fingerprint (loaders/act.ts).
import {emitKept, reportFile} from "#loaders/kept.js";

await emitKept(reportFile("audiences"), async () => (await import("#loaders/act.js")).audiencesReport());
