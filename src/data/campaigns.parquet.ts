// The campaigns: id, name, send date, offer, response window (loaders/derive/publish.ts).
import {emitKept} from "#loaders/kept.js";
import {PUBLISHED_FILES} from "#loaders/derive/published-files.js";

await emitKept(PUBLISHED_FILES.out_campaigns, async () => (await import("#loaders/outputs.js")).campaignsParquet());
