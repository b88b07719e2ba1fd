// Customer × day purchases and revenue, for RFM at any as-of date (loaders/derive/customer-month.ts).
import {customerDayParquet} from "#loaders/outputs.js";

process.stdout.write(await customerDayParquet());
