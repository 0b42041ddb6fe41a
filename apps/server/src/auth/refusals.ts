/**
 * The account routes' own refusals. Sign-in and recovery failures say the
 * same thing whatever went wrong, so nobody learns which usernames exist.
 */
import { ApiError } from "../http/errors.ts";

export const usernameTaken = () =>
  new ApiError(409, "username-taken", "This username is taken. Please choose another one.");

export const loginFailed = () =>
  new ApiError(
    401,
    "login-failed",
    "The username and password don't match, or signing in took too long. Please try again.",
  );

export const recoveryFailed = () =>
  new ApiError(
    401,
    "login-failed",
    "This recovery key doesn't match the account, or recovery took too long. Please start again.",
  );
