// Customer × month purchases and revenue, for cohorts and lifecycle (loaders/derive/customer-month.ts).
import {emit} from "#loaders/emit.js";
import {customerMonthParquet} from "#loaders/outputs.js";

await emit(customerMonthParquet);
