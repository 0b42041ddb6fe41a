import { Link } from "wouter";
import type { MessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n.tsx";

/** The ways on from an account screen, as a list of links; a falsy entry is left out. */
export function AccountLinks({
  links,
}: {
  links: readonly (readonly [href: string, label: MessageKey] | false | null | undefined)[];
}) {
  const t = useT();
  return (
    <ul className="link-list account-links">
      {links
        .filter((l) => !!l)
        .map(([href, label]) => (
          <li key={href}>
            <Link href={href}>{t(label)}</Link>
          </li>
        ))}
    </ul>
  );
}
