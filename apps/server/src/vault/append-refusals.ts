/**
 * An append refused inside the database (`AppendRefused`, from
 * trellis_append) as the same HTTP refusal the checks outside it give.
 * `session-ended` is not here: the route asks the session again, which
 * tells expired, signed out and signed out elsewhere apart.
 */
import { ApiError, forbidden, vaultNotFound } from "../http/errors.ts";
import type { Quotas } from "../quotas/config.ts";
import { accountStorageFull, dailyEntryLimit, vaultStorageFull } from "../quotas/refusals.ts";
import { NO_GRANT_YET, VIEWER_CANNOT_WRITE } from "./access.ts";
import type { AppendRefused } from "./store.ts";

export function appendRefusal(refused: AppendRefused, quotas: Quotas): ApiError {
  const [a, b, c] = refused.detail.map(Number);
  switch (refused.reason) {
    case "not-member":
      return vaultNotFound();
    case "no-grant":
      return forbidden(NO_GRANT_YET);
    case "viewer":
      return forbidden(VIEWER_CANNOT_WRITE);
    case "stale-epoch":
      return new ApiError(
        409,
        "stale-epoch",
        `events[${a}] is sealed with the key of epoch ${b}, but the vault's key is now epoch ${c}. Fetch the new key and seal it again.`,
      );
    case "vault-full":
      return vaultStorageFull(quotas.vaultBytes);
    case "account-full":
      return accountStorageFull(quotas.accountBytes);
    case "vault-per-day":
      return dailyEntryLimit("vault", quotas.vaultEntriesPerDay, a ?? 1);
    case "account-per-day":
      return dailyEntryLimit("account", quotas.accountEntriesPerDay, a ?? 1);
    default:
      throw new Error(`Unknown append refusal ${refused.reason}.`);
  }
}
