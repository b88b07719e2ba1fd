// Results for the value page's default inputs, computed at build time (loaders/reports.ts).
import {valueReport} from "#loaders/reports.js";

process.stdout.write(await valueReport());
