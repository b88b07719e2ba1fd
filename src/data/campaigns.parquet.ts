// The campaigns: id, name, send date, offer, response window (loaders/derive/publish.ts).
import {emit} from "#loaders/emit.js";
import {campaignsParquet} from "#loaders/outputs.js";

await emit(campaignsParquet);
