import { downloadCalendar } from "../app/calendar-export.ts";
import { useJourneyState } from "../app/client-context.tsx";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * The calendar file of everything coming up (doses, visits, fees due), as a
 * button: the record's whole calendar whichever screen offers it, under the
 * words that screen uses for it.
 */
export function CalendarButton({ label }: { label: string }) {
  const i18n = useI18n();
  const state = useJourneyState();
  return (
    <button
      type="button"
      className="button"
      onClick={() => downloadCalendar(state, i18n, Date.now())}
    >
      {label}
    </button>
  );
}
