import type { ReactNode } from "react";

/*
 * The two links every support card has: a number to call, large enough for a
 * thumb, and a website that opens apart from Trellis. `label` is what a
 * screen reader says: who answers, not only the number or the address.
 */
interface SupportLinkProps {
  href: string;
  label: string;
  children: ReactNode;
}

/** A number to call (`href` is its `tel:` address). */
export function CallLink({ href, label, children }: SupportLinkProps) {
  return (
    <a className="support-call" href={href} aria-label={label}>
      {children}
    </a>
  );
}

/** A website, opened in a new tab with nothing of Trellis passed on. */
export function WebsiteLink({ href, label, children }: SupportLinkProps) {
  return (
    <a
      className="support-link"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={label}
    >
      {children}
    </a>
  );
}
