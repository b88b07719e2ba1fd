// Headline figures and the as-of date (loaders/derive/kpis.ts).
import {kpisJson} from "#loaders/outputs.js";

process.stdout.write(await kpisJson());
