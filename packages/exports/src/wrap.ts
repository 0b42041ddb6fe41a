/**
 * Lines of at most `maxWidth` (as `measure` says) from one paragraph: broken
 * at spaces, and a word longer than a line broken inside it. An empty
 * paragraph is one empty line (the space between paragraphs).
 */
export function wrapText(text: string, measure: (s: string) => number, maxWidth: number): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return [""];
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    // A word wider than the line: as many characters as fit, then the rest.
    let rest = word;
    while (measure(rest) > maxWidth) {
      let n = 1;
      const chars = [...rest];
      while (n < chars.length && measure(chars.slice(0, n + 1).join("")) <= maxWidth) n++;
      lines.push(chars.slice(0, n).join(""));
      rest = chars.slice(n).join("");
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}
