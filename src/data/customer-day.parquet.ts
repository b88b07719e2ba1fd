// Customer × day purchases and revenue, for RFM at any as-of date (loaders/derive/customer-month.ts).
import {emitKept} from "#loaders/kept.js";
import {PUBLISHED_FILES} from "#loaders/derive/published-files.js";

await emitKept(PUBLISHED_FILES.out_customer_day, async () =>
  (await import("#loaders/outputs.js")).customerDayParquet()
);
