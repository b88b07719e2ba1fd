// The rules lab's result for its opening rules, computed at build time (loaders/reports.ts).
import {emit} from "#loaders/emit.js";
import {rulesLabReport} from "#loaders/reports.js";

await emit(rulesLabReport);
