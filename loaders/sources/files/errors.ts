import {UserError} from "../../errors.js";

/** A build-stopping problem with an input file, located as precisely as we can. */
export class InputError extends UserError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: string | undefined,
    readonly reason: string
  ) {
    super(
      `${file}${line !== undefined ? `:${line}` : ""}${column !== undefined ? ` (column ${column})` : ""}: ${reason}`
    );
    this.name = "InputError";
  }
}
