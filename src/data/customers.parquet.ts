// One row per customer, pseudonymous (see loaders/derive/customers.ts).
import {emit} from "#loaders/emit.js";
import {customersParquet} from "#loaders/outputs.js";

await emit(customersParquet);
