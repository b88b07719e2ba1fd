// Customer × month purchases and revenue, for cohorts and lifecycle (loaders/derive/customer-month.ts).
import {emitKept} from "#loaders/kept.js";
import {PUBLISHED_FILES} from "#loaders/derive/published-files.js";

await emitKept(PUBLISHED_FILES.out_customer_month, async () =>
  (await import("#loaders/outputs.js")).customerMonthParquet()
);
