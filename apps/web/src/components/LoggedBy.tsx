import { useLoggedBy } from "../app/reader.ts";
import { useT } from "../i18n/i18n.tsx";

/**
 * " · logged by Sam" beside an entry someone else wrote in a shared record
 * (as sync verified it); nothing for the reader's own entries or on a record
 * nobody shares.
 */
export function LoggedBy({ eventId }: { eventId: string }) {
  const t = useT();
  const by = useLoggedBy()(eventId);
  if (by === null) return null;
  return <span> · {by ? t("loggedBy.name", { name: by }) : t("loggedBy.partner")}</span>;
}
