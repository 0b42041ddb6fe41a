/** The one error shape every API failure uses: `{ error: { reason, message } }`. */

export type ErrorReason =
  | "invalid-request"
  | "malformed-json"
  | "body-too-large"
  | "unsupported-media-type"
  | "not-found"
  | "bad-request"
  | "storage-unavailable"
  | "internal";

export interface ErrorBody {
  error: { reason: ErrorReason; message: string };
}

/** An error whose status, reason and message are safe to send to the client as they are. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: ErrorReason,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(): ErrorBody {
    return { error: { reason: this.reason, message: this.message } };
  }
}

export const invalidRequest = (message: string) => new ApiError(400, "invalid-request", message);
