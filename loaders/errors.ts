/**
 * Errors a user can fix (a bad config, a missing key, an unreadable input file): the build
 * prints their message once, without a stack trace, and stops. Anything else is a bug and keeps
 * its stack.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

/** True for errors whose message is the whole story (see UserError). */
export const isUserError = (error: unknown): error is UserError => error instanceof UserError;
