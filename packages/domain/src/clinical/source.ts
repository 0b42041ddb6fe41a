/**
 * Where a clinical rule comes from, and how sure we are of it. `section` is
 * the section of docs/clinical-reference.md that holds the figure or sign
 * with its full citation ("5", "8.1", "9").
 *
 * Tags: `checked` read on the issuing body's own page or the paper's
 * abstract; `secondary` read where others relay it; `unverified` our design
 * choice, or not re-read (kept conservative).
 */
export type SourceTag = "checked" | "secondary" | "unverified";

export interface SignSource {
  readonly citation: string;
  readonly tag: SourceTag;
  readonly section: string;
}

export const signSource = (citation: string, tag: SourceTag, section: string): SignSource => ({
  citation,
  tag,
  section,
});
