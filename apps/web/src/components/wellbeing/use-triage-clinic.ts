/**
 * The clinic a triage answer tells the person to call: its name and its
 * 24-hour number. One hook for every place a result is shown (the check's
 * answer, the notice on Today), so the clinic card plugs in here once.
 */
export interface TriageClinic {
  readonly name?: string | undefined;
  readonly phone: string;
}

/**
 * `null` until the person's clinic card exists: results then say to call the
 * clinic's 24-hour number without a link.
 */
export function useTriageClinic(): TriageClinic | null {
  return null;
}
