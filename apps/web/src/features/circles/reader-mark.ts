/**
 * Whether this device has read circles: kept on the device (only "yes"),
 * so that a reader removed from every circle still opens on the reader's
 * home, while someone who made an account for another reason and has no
 * record yet gets set-up.
 */
const KEY = "trellis.circles.reader";

export function wasReader(): boolean {
  try {
    return localStorage.getItem(KEY) === "yes";
  } catch {
    return false;
  }
}

export function markReader(): void {
  try {
    localStorage.setItem(KEY, "yes");
  } catch {
    // Storage refused (private mode): a reader left with no circle may see set-up; nothing else changes.
  }
}

/** Takes the mark away (the reader stopped reading on this device). */
export function forgetReader(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Storage refused: nothing was kept there either.
  }
}
