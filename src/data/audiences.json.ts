// The audience page's default audience (funnel, segments), filter values and key fingerprint (loaders/act.ts).
import {emit} from "#loaders/emit.js";
import {audiencesReport} from "#loaders/act.js";

await emit(audiencesReport);
