// Customer × day purchases and revenue, for RFM at any as-of date (loaders/derive/customer-month.ts).
import {emit} from "#loaders/emit.js";
import {customerDayParquet} from "#loaders/outputs.js";

await emit(customerDayParquet);
