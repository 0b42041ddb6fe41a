import type { IconName } from "../app/sections.ts";

/** Simple line icons (24px grid), decorative: the label next to them carries the meaning. */
const paths: Record<IconName, string> = {
  today: "M4 6h16v14H4zM4 10h16M8 3v4M16 3v4",
  cycle: "M20 12a8 8 0 1 1-3-6.2M20 4v5h-5",
  embryos:
    "M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16zM10 10.5a2 2 0 1 0 0 .1M14.5 13.5a1.6 1.6 0 1 0 0 .1",
  transfers: "M4 12h13M13 7l5 5-5 5",
  odds: "M4 20V10M10 20V4M16 20v-7M22 20H2",
  costs:
    "M12 3v18M16.5 7.5C16 6 14.3 5 12 5c-2.8 0-4.5 1.3-4.5 3.2 0 4.3 9 2.6 9 7 0 2-1.8 3.3-4.5 3.3-2.4 0-4.1-1-4.6-2.6",
  journal: "M6 3h11a2 2 0 0 1 2 2v16H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM8 8h8M8 12h8M8 16h5",
  circle:
    "M8.5 11a3 3 0 1 0 0-.1M15.5 11a3 3 0 1 0 0-.1M3 20c.8-3 3-4.5 5.5-4.5S13 17 14 20M12 17c.9-1 2.1-1.5 3.5-1.5 2.5 0 4.7 1.5 5.5 4.5",
  remembrance: "M12 21c-4-3-7-6-7-10a7 7 0 0 1 14 0c0 4-3 7-7 10zM12 8v6",
  settings:
    "M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z",
  more: "M5 12h.01M12 12h.01M19 12h.01",
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === "more" ? 3 : 1.7}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[name]} />
    </svg>
  );
}
