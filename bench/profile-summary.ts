/**
 * Where a CPU profile's time went: `npx tsx bench/profile-summary.ts <file.cpuprofile> [n]`
 * prints the top n functions by self time (and idle/GC/program lines) with
 * their share of all samples, and the share per package (node_modules/<pkg>,
 * node: internals, our own files).
 */
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const [file, n = "25"] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-summary <file.cpuprofile> [n]");
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[] };
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const counts = new Map<number, number>();
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
const total = profile.samples.length;

function where(url: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith("node:")) return "node:internals";
  if (url === "") return "(native/V8)";
  const ours = /\/(apps|packages|bench)\/([^/]+)/.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : url;
}

const self = new Map<string, number>();
const pkgs = new Map<string, number>();
for (const [id, hits] of counts) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || "(anonymous)"}  ${url.replace(/^.*\/(node_modules|apps|packages)\//, "$1/")}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + hits);
  const pkg = url === "" ? functionName : where(url);
  pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + hits);
}
const pct = (x: number) => `${((100 * x) / total).toFixed(1).padStart(5)}%`;
console.log(`${total} samples`);
console.log("\nTop functions by self time:");
for (const [key, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(n)))
  console.log(`${pct(hits)}  ${key}`);
console.log("\nBy package:");
for (const [key, hits] of [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, 20))
  console.log(`${pct(hits)}  ${key}`);
