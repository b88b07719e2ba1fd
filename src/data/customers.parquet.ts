// One row per customer, pseudonymous (see loaders/derive/customers.ts).
import {emitKept} from "#loaders/kept.js";
import {PUBLISHED_FILES} from "#loaders/derive/published-files.js";

await emitKept(PUBLISHED_FILES.out_customers, async () => (await import("#loaders/outputs.js")).customersParquet());
