import { indexedDbSignOutProbe } from "@trellis/client";

/**
 * At start, before the record is opened: if another device of the account
 * signed this one out, forget every Trellis database here and say true.
 * Only a device that keeps a sign-out probe (it has an account) loads the
 * sync code and asks the server; one without an account makes no call.
 * Offline or any failure: false, and the next start asks again.
 */
export async function eraseIfSignedOutElsewhere(): Promise<boolean> {
  try {
    if (!(await indexedDbSignOutProbe().read())) return false;
    const sync = await import("@trellis/client/sync");
    return await sync.forgetIfSignedOutElsewhere({ connect: (url) => sync.fetchTransport(url) });
  } catch {
    return false;
  }
}
