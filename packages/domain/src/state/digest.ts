/**
 * Small, pure, non-cryptographic digests for checking that two devices folded
 * the same thing. Never a security boundary: a snapshot's authenticity comes
 * from the sealed entry that carries it, these only catch honest mismatches
 * (a different set of events, different fold rules).
 */

const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a of a string's UTF-16 code units, from `seed`. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, "0");

/** A short digest of a string. */
export function textDigest(text: string): string {
  return hex8(fnv1a(text, 0x811c9dc5)) + hex8(fnv1a(text, 0x6d2b79f5));
}

/**
 * A digest of a set of event ids, whatever their order, each id counted once:
 * two 32-bit hash lanes summed, plus the count. Two devices that folded the
 * same events get the same digest.
 */
export function eventIdsDigest(ids: Iterable<string>): string {
  const seen = new Set<string>();
  let a = 0;
  let b = 0;
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    a = (a + fnv1a(id, 0x811c9dc5)) >>> 0;
    b = (b + fnv1a(id, 0x6d2b79f5)) >>> 0;
  }
  return `${seen.size.toString(16)}-${hex8(a)}${hex8(b)}`;
}
