import { describe, expect, it } from "vitest";
import { type IdRoute, routes } from "./routes.ts";

/** Every address in `routes`: fixed paths as they are, id routes as their pattern. */
function addresses(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (typeof node === "function" && "pattern" in node) return [(node as IdRoute<string>).pattern];
  if (typeof node === "object" && node !== null) return Object.values(node).flatMap(addresses);
  return [];
}

const idRoutes = [
  routes.cycle.detail,
  routes.cycle.monitoring,
  routes.cycle.doses,
  routes.embryos.cohort,
  routes.transfers.detail,
  routes.transfers.path,
  routes.circles.detail,
];

/** The id a pattern reads back out of a path, as the router does (`:name` is one segment). */
function readBack(pattern: string, path: string): string | null {
  const re = new RegExp(`^${pattern.replace(/:[A-Za-z]+/, "([^/?#]+)")}$`);
  const m = re.exec(path);
  return m ? decodeURIComponent(m[1]!) : null;
}

describe("the app's routes", () => {
  const id = "0190a5f2-7c1e-7b3a-9d4f-2e6b8c0a1d3f";

  it("gives every screen its own address", () => {
    const all = addresses(routes);
    expect(all.length).toBeGreaterThan(25);
    expect(new Set(all).size).toBe(all.length);
    for (const a of all) expect(a).toMatch(/^\//);
  });

  it("builds links the shell's route patterns read the same id back from", () => {
    for (const r of idRoutes) {
      expect(readBack(r.pattern, r(id)), r.pattern).toBe(id);
    }
    expect(routes.cycle.detail(id)).toBe(`/cycle/${id}`);
    expect(routes.remembrance.forTransfer(id)).toBe(`/remembrance?transfer=${id}`);
    expect(routes.circles.shareRemembrance(id)).toBe(`/circle/post?remembrance=${id}`);
  });

  it("keeps an odd id inside its one segment, so a link never lands on another screen", () => {
    for (const r of idRoutes) {
      expect(readBack(r.pattern, r("a/b?c#d")), r.pattern).toBe("a/b?c#d");
    }
  });
});
