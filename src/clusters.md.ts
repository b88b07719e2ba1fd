// The clusters page: loaders/pages/clusters.md with its first figure written in at build time.
import {emit} from "#loaders/emit.js";
import {clustersMarkdown} from "#loaders/pages/clusters.js";

await emit(clustersMarkdown);
