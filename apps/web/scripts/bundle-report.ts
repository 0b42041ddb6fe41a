/**
 * The bundle report (`npm run build -- --report`): every chunk with its size
 * and gzip size, the modules that weigh most in it, and which chunks the
 * first screen loads (the entry and what it imports statically; everything
 * else arrives on demand). Written beside the build, not into it, so the
 * service worker never precaches it.
 */
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Plugin, Rollup } from "vite";

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MODULES_PER_CHUNK = 12;

/** Shortens a module id to the package or the project path it comes from. */
function moduleName(id: string): string {
  const clean = id.replace(/\?.*$/, "").replace(/^\0/, "");
  const nm = clean.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = clean.slice(nm + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? clean);
  }
  const at = clean.search(/\/(apps|packages)\//);
  return at >= 0 ? clean.slice(at + 1) : clean;
}

/** The chunks that `from` loads with it: themselves and their static imports, transitively. */
function closure(chunks: readonly Rollup.OutputChunk[], from: readonly string[]): Set<string> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of byName.get(name)?.imports ?? []) visit(dep);
  };
  for (const name of from) visit(name);
  return seen;
}

/** The chunks loaded before anything is shown: each entry and its static imports, transitively. */
export function firstScreenChunks(chunks: readonly Rollup.OutputChunk[]): Set<string> {
  return closure(
    chunks,
    chunks.filter((c) => c.isEntry).map((c) => c.fileName),
  );
}

export function bundleReport(file: string): Plugin {
  return {
    name: "trellis-bundle-report",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (c): c is Rollup.OutputChunk => c.type === "chunk",
      );
      const first = firstScreenChunks(chunks);
      const rows = chunks
        .map((c) => ({ c, size: Buffer.byteLength(c.code), gz: gzipSync(c.code).length }))
        .sort((a, b) => b.size - a.size);
      const firstRows = rows.filter((r) => first.has(r.c.fileName));
      const sum = (xs: typeof rows, k: "size" | "gz") => xs.reduce((n, r) => n + r[k], 0);
      const lines = [
        "# Bundle report",
        "",
        `Before the app starts (the entry and its static imports): ${firstRows.length} JavaScript files, ${kB(sum(firstRows, "size"))} (${kB(sum(firstRows, "gz"))} gzip).`,
        "The first screen's own chunk (set-up: journey, Today: first-screen) comes on top, fetched while the record opens; `npm run bench -- firstload` measures what a load really fetches.",
        `Everything: ${rows.length} files, ${kB(sum(rows, "size"))} (${kB(sum(rows, "gz"))} gzip).`,
        "",
        "Loaded on demand, and what each brings beyond the entry (its static imports too):",
        "",
        ...rows
          .filter((r) => r.c.isDynamicEntry)
          .map((r) => {
            const extra = [...closure(chunks, [r.c.fileName])].filter((n) => !first.has(n));
            const gz = rows
              .filter((x) => extra.includes(x.c.fileName))
              .reduce((n, x) => n + x.gz, 0);
            return `- ${r.c.fileName}: +${kB(gz)} gzip (${extra.length} files)`;
          }),
        "",
        "| chunk | size | gzip | first screen |",
        "|---|---:|---:|:---:|",
        ...rows.map(
          (r) =>
            `| ${r.c.fileName} | ${kB(r.size)} | ${kB(r.gz)} | ${first.has(r.c.fileName) ? "yes" : ""} |`,
        ),
        "",
      ];
      for (const { c, size } of rows) {
        const weights = new Map<string, number>();
        for (const [id, m] of Object.entries(c.modules)) {
          const name = moduleName(id);
          weights.set(name, (weights.get(name) ?? 0) + m.renderedLength);
        }
        // Module sizes are before minification: for comparing, not adding up.
        const top = [...weights].sort((a, b) => b[1] - a[1]).slice(0, MODULES_PER_CHUNK);
        lines.push(`## ${c.fileName} (${kB(size)})`, "");
        for (const [name, bytes] of top) lines.push(`- ${name}: ${kB(bytes)}`);
        if (c.dynamicImports.length > 0) lines.push(`- on demand: ${c.dynamicImports.join(", ")}`);
        lines.push("");
      }
      writeFileSync(file, lines.join("\n"));
      this.info(
        `bundle report: ${file} (${kB(sum(firstRows, "gz"))} gzip of JavaScript before the app starts)`,
      );
    },
  };
}
