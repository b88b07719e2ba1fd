// One row per customer, pseudonymous (see loaders/derive/customers.ts).
import {customersParquet} from "#loaders/outputs.js";

process.stdout.write(await customersParquet());
