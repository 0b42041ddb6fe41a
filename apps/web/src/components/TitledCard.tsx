import { type ReactNode, useId } from "react";

/** A card that is a section of its page, named by its heading. */
export function TitledCard({
  title,
  className = "card stack",
  children,
}: {
  title: string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={className} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
