// The clusters page: loaders/pages/clusters.md with its first figure written in at build time.
import {emitPage} from "#loaders/pages/cached.js";

await emitPage("clusters");
