// The leadership report's front page: the latest period, the outlook and the archive (loaders/report/).
import {emitPage} from "#loaders/pages/cached.js";

await emitPage("report/index");
