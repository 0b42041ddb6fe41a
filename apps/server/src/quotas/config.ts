/**
 * Quotas: how much one vault, one account and one device may use. Generous
 * by default (a family's whole record fits many times over); each is set by
 * an environment variable, read here.
 */

export interface Quotas {
  /** Bytes of sealed events one vault may hold (TRELLIS_QUOTA_VAULT_BYTES). */
  readonly vaultBytes: number;
  /** Bytes of sealed events and attachments in all the vaults one account owns (TRELLIS_QUOTA_ACCOUNT_BYTES). */
  readonly accountBytes: number;
  /** Entries one vault takes per day (TRELLIS_QUOTA_VAULT_ENTRIES_PER_DAY). */
  readonly vaultEntriesPerDay: number;
  /** Entries one account writes per day, all vaults together (TRELLIS_QUOTA_ACCOUNT_ENTRIES_PER_DAY). */
  readonly accountEntriesPerDay: number;
  /** Live streams one session (device) may hold open on one server instance (TRELLIS_QUOTA_STREAMS_PER_SESSION). */
  readonly streamsPerSession: number;
  /** Invites waiting to be used, per vault (TRELLIS_QUOTA_PENDING_INVITES_PER_VAULT). */
  readonly pendingInvitesPerVault: number;
  /** Invites waiting to be used, made by one account across its vaults (TRELLIS_QUOTA_PENDING_INVITES_PER_ACCOUNT). */
  readonly pendingInvitesPerAccount: number;
  /** Schedules one push device uploads per day (TRELLIS_QUOTA_PUSH_SCHEDULES_PER_DAY). */
  readonly pushSchedulesPerDay: number;
}

const GIB = 1024 * 1024 * 1024;

export const DEFAULT_QUOTAS: Quotas = {
  vaultBytes: 2 * GIB,
  accountBytes: 10 * GIB,
  vaultEntriesPerDay: 100_000,
  accountEntriesPerDay: 200_000,
  streamsPerSession: 8,
  pendingInvitesPerVault: 20,
  pendingInvitesPerAccount: 50,
  pushSchedulesPerDay: 1000,
};

/** Each quota's environment variable. */
export const QUOTA_VARIABLES: Readonly<Record<keyof Quotas, string>> = {
  vaultBytes: "TRELLIS_QUOTA_VAULT_BYTES",
  accountBytes: "TRELLIS_QUOTA_ACCOUNT_BYTES",
  vaultEntriesPerDay: "TRELLIS_QUOTA_VAULT_ENTRIES_PER_DAY",
  accountEntriesPerDay: "TRELLIS_QUOTA_ACCOUNT_ENTRIES_PER_DAY",
  streamsPerSession: "TRELLIS_QUOTA_STREAMS_PER_SESSION",
  pendingInvitesPerVault: "TRELLIS_QUOTA_PENDING_INVITES_PER_VAULT",
  pendingInvitesPerAccount: "TRELLIS_QUOTA_PENDING_INVITES_PER_ACCOUNT",
  pushSchedulesPerDay: "TRELLIS_QUOTA_PUSH_SCHEDULES_PER_DAY",
};

/** Reads every TRELLIS_QUOTA_* variable (whole numbers from 1); reports bad ones through `problem`. */
export function readQuotas(
  env: Readonly<Record<string, string | undefined>>,
  problem: (variable: string, message: string) => void,
): Quotas {
  const quotas: Record<string, number> = { ...DEFAULT_QUOTAS };
  for (const [key, variable] of Object.entries(QUOTA_VARIABLES)) {
    const text = env[variable]?.trim();
    if (text === undefined || text === "") continue;
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < 1) {
      problem(variable, `${variable} must be a whole number from 1 (got "${text}").`);
    } else {
      quotas[key] = value;
    }
  }
  return quotas as unknown as Quotas;
}
