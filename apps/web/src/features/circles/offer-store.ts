/**
 * Which recorded losses the person has already answered the circle offer
 * for (sent the words, or said no): kept on this device only, so the offer
 * comes once and never again here. Holds only the outcomes' random ids.
 */
const KEY = "trellis.circles.answered";

export function answeredOffers(): ReadonlySet<string> {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return new Set(Array.isArray(raw) ? raw.filter((x) => typeof x === "string") : []);
  } catch {
    return new Set();
  }
}

export function answerOffer(outcomeId: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([...answeredOffers(), outcomeId]));
  } catch {
    // Storage refused (private mode): the offer may come once more; nothing else is lost.
  }
}
