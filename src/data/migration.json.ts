// The segment-migration page's matrix for its default inputs, computed at build time (loaders/reports.ts).
import {emitKept, reportFile} from "#loaders/kept.js";

await emitKept(reportFile("migration"), async () => (await import("#loaders/reports.js")).migrationReport());
