import type { TrellisClient } from "@trellis/client";

/**
 * Which recorded losses the person has already answered the circle offer
 * for (sent the words, or said no): kept in this device's own settings
 * (never synced; sealed with the record when the app lock is on; erased with
 * the device), so the offer comes once and never again here. Holds only the
 * outcomes' random ids.
 */
/** Marks the offer for `outcomeId` answered. If the device cannot keep it, the offer may come once more. */
export async function answerOffer(client: TrellisClient, outcomeId: string): Promise<void> {
  const before = client.deviceSettings.circleOffersAnswered ?? [];
  if (before.includes(outcomeId)) return;
  await client.changeDeviceSettings({ circleOffersAnswered: [...before, outcomeId].slice(-500) });
}
