// The leadership report's front page: the latest period, the outlook and the archive (loaders/report/).
import {emit} from "#loaders/emit.js";
import {indexMarkdown} from "#loaders/report/pages.js";

await emit(indexMarkdown);
