/**
 * What each of a cycle's "Add ..." forms on the monitoring page is given (a
 * scan, a blood result, an appointment): the cycle, the zone its times are
 * read in, and what to do once saved or cancelled (close the form).
 */
export interface CycleFormProps {
  cycleId: string;
  zone: string;
  onDone: () => void;
}
