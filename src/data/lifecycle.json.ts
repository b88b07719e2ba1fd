// Results for the lifecycle page's default inputs, computed at build time (loaders/reports.ts).
import {lifecycleReport} from "#loaders/reports.js";

process.stdout.write(await lifecycleReport());
