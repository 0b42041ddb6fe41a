/**
 * Notices when the server ended this device's sign-in: a transport that
 * passes every request through and, when a request made with the device's
 * current token is answered 401, calls `onEnded` for `unauthenticated` (the
 * session ended: sign in again) or `onEndedElsewhere` for
 * `signed-out-elsewhere` (another device of the account signed this one out:
 * forget what it holds), whichever call (sync, sharing, account) hears it
 * first.
 */
import type { Transport } from "../transport.ts";

export function watchSession(
  inner: Transport,
  currentToken: () => string | undefined,
  onEnded: () => void,
  onEndedElsewhere: () => void = onEnded,
): Transport {
  return {
    ...inner,
    async request(request) {
      const response = await inner.request(request);
      const reason = (response?.body as { error?: { reason?: unknown } } | undefined)?.error
        ?.reason;
      if (
        response?.status === 401 &&
        request.token !== undefined &&
        request.token === currentToken()
      ) {
        if (reason === "unauthenticated") onEnded();
        if (reason === "signed-out-elsewhere") onEndedElsewhere();
      }
      return response;
    },
  };
}
