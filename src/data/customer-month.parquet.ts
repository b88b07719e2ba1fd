// Customer × month purchases and revenue, for cohorts and lifecycle (loaders/derive/customer-month.ts).
import {customerMonthParquet} from "#loaders/outputs.js";

process.stdout.write(await customerMonthParquet());
