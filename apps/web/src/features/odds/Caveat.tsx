import type { Note } from "@trellis/domain";

/**
 * The engine's notes that must be read with the number, not one tap away:
 * today "hopeful-side" (checked against published results, these answers
 * come out higher). The words are the engine's, so they follow the model
 * when it changes; the other notes stay with the sources.
 */
const besideTheNumber: readonly string[] = ["hopeful-side"];

export function caveatsOf(notes: readonly Note[]): Note[] {
  return notes.filter((n) => besideTheNumber.includes(n.id));
}

/** The caveats of an answer as a visible note beside its number; nothing when there is none. */
export function Caveat({ notes }: { notes: readonly Note[] }) {
  const shown = caveatsOf(notes);
  if (shown.length === 0) return null;
  return (
    <div className="odds-caveat" role="note">
      {shown.map((n) => (
        <p key={n.id} className="odds-caveat-text">
          {n.text}
        </p>
      ))}
    </div>
  );
}
