// The rules lab: loaders/pages/rules-lab.md with its first figures written in at build time.
import {emitPage} from "#loaders/pages/cached.js";

await emitPage("rules-lab");
