/**
 * The bytes an account signs to sign one of its sessions out and have that
 * device erase itself: "trellis|sign-out|v1" ‖ La ‖ account id ‖ Ls ‖
 * session id. The same bytes as `signSignOut` in @trellis/crypto (which the
 * server does not load); `signed-out-elsewhere-suite.ts` signs with that
 * function and this route checks, so the two cannot drift apart.
 */
const LABEL = new TextEncoder().encode("trellis|sign-out|v1");

export function signOutMessage(address: { accountId: string; sessionId: string }): Uint8Array {
  const a = new TextEncoder().encode(address.accountId);
  const s = new TextEncoder().encode(address.sessionId);
  const out = new Uint8Array(LABEL.length + 2 + a.length + s.length);
  out.set(LABEL, 0);
  out[LABEL.length] = a.length;
  out.set(a, LABEL.length + 1);
  out[LABEL.length + 1 + a.length] = s.length;
  out.set(s, LABEL.length + 2 + a.length);
  return out;
}
