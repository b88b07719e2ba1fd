// The RFM explorer's results for its default inputs, computed at build time (loaders/reports.ts).
import {rfmReport} from "#loaders/reports.js";

process.stdout.write(await rfmReport());
