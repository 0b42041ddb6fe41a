import type { EvidenceTag, SourceId } from "./sources.ts";

/**
 * What a parameter of the odds engine is made of: a figure with its 80%
 * range, what it is out of, its sources and their tags, and why, when the
 * value is not simply read from a source.
 */

export type Denominator =
  | "per transfer"
  | "per embryo in the bank"
  | "from this bank"
  | "per retrieval"
  | "per started cycle"
  | "from the bank and the planned retrievals"
  | "per egg retrieved"
  | "per mature egg"
  | "per fertilized egg (2PN)"
  | "per biopsied blastocyst"
  | "per mature egg frozen"
  | "from these eggs";

/** A single number with an 80% range, on a scale where a normal is a fair shape. */
export interface Spread {
  readonly central: number;
  readonly low80: number;
  readonly high80: number;
  /** `logit` for probabilities, `log` for ratios and counts, `linear` otherwise. */
  readonly scale: "logit" | "log" | "linear";
}

export interface ParameterBase {
  /** What it is, in words a person could read. */
  readonly what: string;
  readonly denominator?: Denominator;
  readonly sources: readonly SourceId[];
  /** Tag of the figure itself (the weakest of its sources). */
  readonly tag: EvidenceTag;
  /** Tag of the 80% range, when the range is ours rather than the source's. */
  readonly spreadTag?: EvidenceTag;
  /** Why this value, when it is not simply read from the source. */
  readonly why?: string;
}

export interface SpreadParameter extends ParameterBase {
  readonly value: Spread;
}
