/**
 * Notices when the server ended this device's sign-in: a transport that
 * passes every request through and calls `onEnded` when a request made with
 * the device's current token is answered `401 unauthenticated`, whichever
 * call (sync, sharing, account) hears it first.
 */
import type { Transport } from "../transport.ts";

export function watchSession(
  inner: Transport,
  currentToken: () => string | undefined,
  onEnded: () => void,
): Transport {
  return {
    ...inner,
    async request(request) {
      const response = await inner.request(request);
      const reason = (response?.body as { error?: { reason?: unknown } } | undefined)?.error
        ?.reason;
      if (
        response?.status === 401 &&
        reason === "unauthenticated" &&
        request.token !== undefined &&
        request.token === currentToken()
      ) {
        onEnded();
      }
      return response;
    },
  };
}
