// The segment-migration page's matrix for its default inputs, computed at build time (loaders/reports.ts).
import {emit} from "#loaders/emit.js";
import {migrationReport} from "#loaders/reports.js";

await emit(migrationReport);
