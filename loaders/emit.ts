/**
 * How a src/data entry file writes its output: the result to standard output, or for an error a
 * user can fix its message alone (no stack trace) and exit code 1. An ingestion failure is
 * printed by the one loader that ingested; the others of the same build exit quietly.
 */
import {isUserError, UserError} from "./errors.js";

/** An error already printed by another loader of this build. */
export class AlreadyReported extends UserError {}

export async function emit(make: () => Promise<string | Buffer>): Promise<void> {
  try {
    process.stdout.write(await make());
  } catch (error) {
    if (!isUserError(error)) throw error;
    if (!(error instanceof AlreadyReported)) console.error(`\x1b[31merror: ${error.message}\x1b[0m`);
    process.exitCode = 1;
  }
}
