// The RFM explorer: loaders/pages/rfm.md with its first figures written in at build time.
import {emit} from "#loaders/emit.js";
import {rfmMarkdown} from "#loaders/pages/rfm.js";

await emit(rfmMarkdown);
