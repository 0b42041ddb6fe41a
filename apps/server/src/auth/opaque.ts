/**
 * The server side of OPAQUE (@serenity-kit/opaque). The password never
 * reaches the server; it keeps a registration record from which it can't
 * learn the password, even by guessing, without running the protocol.
 *
 * The OPAQUE user identifier is the (lowercased) username, so that a login
 * for an unknown username can be answered with a fake that looks like a real
 * one (`registrationRecord: null`).
 *
 * Library errors are never passed on: they become field-named 400s.
 */
import * as opaque from "@serenity-kit/opaque";
import { invalidRequest } from "../http/errors.ts";

export function registrationResponse(
  serverSetup: string,
  username: string,
  registrationRequest: string,
): string {
  try {
    return opaque.server.createRegistrationResponse({
      serverSetup,
      userIdentifier: username,
      registrationRequest,
    }).registrationResponse;
  } catch {
    throw invalidRequest("registrationRequest is not a valid OPAQUE registration request.");
  }
}

let sampleLoginRequest: string | undefined;

/**
 * Throws a 400 naming `field` unless `record` is a well-formed registration
 * record: a broken one would lock the account out for good. Checked by
 * starting a login against it with a sample request.
 */
export function checkRegistrationRecord(
  serverSetup: string,
  username: string,
  record: string,
  field = "registrationRecord",
): void {
  sampleLoginRequest ??= opaque.client.startLogin({ password: "record check" }).startLoginRequest;
  try {
    opaque.server.startLogin({
      serverSetup,
      userIdentifier: username,
      registrationRecord: record,
      startLoginRequest: sampleLoginRequest,
    });
  } catch {
    throw invalidRequest(`${field} is not a valid OPAQUE registration record.`);
  }
}

/** Login start. `record` null: unknown username, answered with a fake that looks the same. */
export function startLogin(
  serverSetup: string,
  username: string,
  record: string | null,
  startLoginRequest: string,
): { loginResponse: string; serverLoginState: string } {
  try {
    return opaque.server.startLogin({
      serverSetup,
      userIdentifier: username,
      registrationRecord: record,
      startLoginRequest,
    });
  } catch {
    throw invalidRequest("startLoginRequest is not a valid OPAQUE login request.");
  }
}

/** Login finish: true when the client proved it knows the password. */
export function finishLogin(serverLoginState: string, finishLoginRequest: string): boolean {
  try {
    opaque.server.finishLogin({ serverLoginState, finishLoginRequest });
    return true;
  } catch {
    return false;
  }
}
