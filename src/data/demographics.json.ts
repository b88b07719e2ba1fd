// Results for the demographics page's default inputs, computed at build time (loaders/reports.ts).
import {demographicsReport} from "#loaders/reports.js";

process.stdout.write(await demographicsReport());
