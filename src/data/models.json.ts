// The fitted models, their diagnostics and validation, the at-risk trend and default clusters (aggregates only).
import {emit} from "#loaders/emit.js";
import {modelsJson} from "#loaders/outputs.js";

await emit(modelsJson);
