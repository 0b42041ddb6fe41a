/** The one error shape every API failure uses: `{ error: { reason, message } }`. */
import type { ErrorReason as WireErrorReason } from "@trellis/sync";

/** The reasons of the wire contract, plus `bad-request` for protocol-level problems (bad URL, odd headers). */
export type ErrorReason = WireErrorReason | "bad-request";

export interface ErrorBody {
  error: { reason: ErrorReason; message: string; retryAfter?: number };
}

/** An error whose status, reason and message are safe to send to the client as they are. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: ErrorReason,
    message: string,
    /** Seconds to wait before trying again (with `rate-limited`); also sent as `Retry-After`. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(): ErrorBody {
    return {
      error: {
        reason: this.reason,
        message: this.message,
        ...(this.retryAfter === undefined ? {} : { retryAfter: this.retryAfter }),
      },
    };
  }
}

export const invalidRequest = (message: string) => new ApiError(400, "invalid-request", message);

export const unauthenticated = (message: string) => new ApiError(401, "unauthenticated", message);

export const forbidden = (message: string) => new ApiError(403, "forbidden", message);

/**
 * The refusal for a vault the caller is not a member of, and for one that
 * does not exist: the same words, so nobody learns which vaults exist.
 */
export const vaultNotFound = () =>
  new ApiError(404, "not-found", "There is no vault with this id that this account can use.");
