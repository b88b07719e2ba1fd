// The audience builder: loaders/pages/audiences.md with its first figures written in at build time.
import {emit} from "#loaders/emit.js";
import {audiencesMarkdown} from "#loaders/pages/audiences.js";

await emit(audiencesMarkdown);
