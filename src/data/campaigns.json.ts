// Every campaign's outcomes by group and by segment, and the campaign settings (loaders/act.ts).
import {emit} from "#loaders/emit.js";
import {campaignsReport} from "#loaders/act.js";

await emit(campaignsReport);
