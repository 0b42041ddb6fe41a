/**
 * The person's clinic: the numbers to call at any hour, where it is, and the
 * portal where results and messages arrive. Set up once, carried into each
 * new cycle. A person may keep several (they moved, or bank at two).
 */
export interface Clinic {
  readonly id: string;
  readonly name: string;
  /** The line that answers at any hour (on-call nurse or doctor), as the person typed it. */
  readonly phone24h: string | null;
  /** The nurse line for questions in opening hours. */
  readonly nurseLine: string | null;
  readonly address: string | null;
  /** The patient portal, always `https://`. */
  readonly portalUrl: string | null;
  readonly notes: string | null;
  /** Taken away by the person; cycles that named it still know it. */
  readonly removed: boolean;
}

/** Someone the person added to their support lines: a counsellor, a friend, a group. */
export interface OwnSupportLine {
  readonly id: string;
  readonly name: string;
  readonly phone: string | null;
  /** Always `https://`. */
  readonly website: string | null;
  readonly note: string | null;
  readonly removed: boolean;
}
