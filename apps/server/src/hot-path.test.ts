/**
 * Every hot-path statement (hot-path.ts) reaches the vault tables by the
 * vault, so the log can be partitioned by vault_id and distributed by it
 * (Citus) without a query that must visit every shard. Read from the SQL
 * itself: each table a statement names must be pinned by its key to a
 * parameter, or joined on that key to a table that is.
 */
import { describe, expect, it } from "vitest";
import { HOT_PATH_QUERIES } from "./hot-path.ts";

/** Distributed tables and the column a statement must pin. */
const DISTRIBUTED: Readonly<Record<string, string>> = {
  vault_events: "vault_id",
  memberships: "vault_id",
  grants: "vault_id",
  vaults: "id",
  rate_limits: "key",
};
/** Reference tables (small, replicated to every node): reached by a key, never scanned. */
const REFERENCE: Readonly<Record<string, readonly string[]>> = {
  sessions: ["id", "token_hash", "account_id"],
};

/** Statements known not to stay on one vault's shard, with what Citus needs instead (docs/scaling.md). */
const KNOWN_EXCEPTIONS: readonly { match: RegExp; why: string }[] = [
  {
    match: /JOIN memberships m ON m\.account_id = o\.account_id AND m\.role = 'owner'/,
    why: "the account storage quota sums the bytes (events and attachments) of every vault the owner has: under Citus a per-account counter replaces the sum",
  },
];

const PARAM = String.raw`(?:\$\d+(?:::[a-z]+(?:\[\])?)?|p_[a-z_]+)`;
const KEYWORDS = new Set(
  "where on set join left right inner using values select order limit group with and for returning as".split(
    " ",
  ),
);

/** The statements of a query, or of a function's body. */
export function statementsOf(sql: string): string[] {
  const body = /\$fn\$([\s\S]*)\$fn\$/.exec(sql)?.[1] ?? sql;
  return body
    .split(";")
    .map((s) => s.replace(/--[^\n]*/g, "").trim())
    .filter((s) => /\b(from|join|into|update)\s+[a-z_]+/i.test(s));
}

/** The tables (as `table alias`) a statement names that nothing pins to a key. */
export function unpinned(statement: string): string[] {
  const refs: { table: string; alias: string }[] = [];
  for (const m of statement.matchAll(
    /\b(?:from|join|into|update)\s+([a-z_]+)(?:\s+(?:as\s+)?([a-z_][a-z0-9_]*))?/gi,
  )) {
    const table = m[1]!.toLowerCase();
    if (!(table in DISTRIBUTED) && !(table in REFERENCE)) continue;
    const alias = m[2] && !KEYWORDS.has(m[2].toLowerCase()) ? m[2] : table;
    refs.push({ table, alias });
  }
  const column = (alias: string, col: string, bare: boolean) =>
    bare ? String.raw`(?:\b${alias}\.|(?<![.\w]))${col}` : String.raw`\b${alias}\.${col}`;
  const pinnedToParam = (alias: string, col: string, bare: boolean) =>
    new RegExp(
      String.raw`${column(alias, col, bare)}\s*=\s*(?:ANY\s*\(\s*)?${PARAM}|${PARAM}\s*=\s*${column(alias, col, bare)}`,
      "i",
    ).test(statement);
  const inserted = (table: string) =>
    new RegExp(
      String.raw`into\s+${table}(?:\s+as\s+\w+)?\s*\(\s*${DISTRIBUTED[table]}\b[^)]*\)\s*(?:values\s*\(|select)\s*${PARAM}`,
      "i",
    ).test(statement);
  const pinned = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const { table, alias } of refs) {
      if (pinned.has(alias)) continue;
      const bare = alias === table;
      let ok: boolean;
      if (table in REFERENCE) {
        ok = REFERENCE[table]!.some((col) => pinnedToParam(alias, col, bare));
      } else {
        const key = DISTRIBUTED[table]!;
        ok =
          pinnedToParam(alias, key, bare) ||
          inserted(table) ||
          // Joined on the vault to a table already pinned (co-located).
          [...pinned].some((other) => {
            const otherRef = refs.find((r) => r.alias === other)!;
            const otherKey = DISTRIBUTED[otherRef.table];
            if (otherKey === undefined || key === "key" || otherKey === "key") return false;
            const a = column(alias, key, bare);
            const b = String.raw`\b${other}\.${otherKey}`;
            return new RegExp(String.raw`${a}\s*=\s*${b}|${b}\s*=\s*${a}`, "i").test(statement);
          });
      }
      if (ok) {
        pinned.add(alias);
        changed = true;
      }
    }
  }
  return refs.filter((r) => !pinned.has(r.alias)).map((r) => `${r.table} ${r.alias}`);
}

describe("hot-path queries", () => {
  it("lists the SQL of append, pull and the live stream", () => {
    expect(Object.keys(HOT_PATH_QUERIES).length).toBeGreaterThanOrEqual(8);
    for (const sql of Object.values(HOT_PATH_QUERIES))
      expect(statementsOf(sql).length).toBeGreaterThan(0);
  });

  for (const [name, sql] of Object.entries(HOT_PATH_QUERIES)) {
    it(`${name}: every statement is keyed by vault_id (and sessions by a key)`, () => {
      for (const statement of statementsOf(sql)) {
        if (KNOWN_EXCEPTIONS.some((e) => e.match.test(statement))) continue;
        expect({ statement, unpinned: unpinned(statement) }).toEqual({ statement, unpinned: [] });
      }
    });
  }

  it("each known exception still exists (remove it from the list once fixed)", () => {
    const all = Object.values(HOT_PATH_QUERIES).flatMap(statementsOf);
    for (const exception of KNOWN_EXCEPTIONS) {
      expect(
        all.some((s) => exception.match.test(s)),
        exception.why,
      ).toBe(true);
    }
  });

  it("the append's own checks: a viewer adds only to a circle; the owner's storage counts attachments", () => {
    const append = HOT_PATH_QUERIES["append (trellis_append)"]!;
    expect(append).toMatch(
      /IF v_role = 'viewer' AND v_kind <> 'circle' THEN\s+RAISE EXCEPTION 'trellis-append:viewer'/,
    );
    expect(append).toMatch(/SELECT m\.role, v\.current_epoch, v\.kind,/);
    expect(append).toMatch(/sum\(v\.bytes_stored \+ v\.attachment_bytes\)/);
    expect(HOT_PATH_QUERIES["membership (cache miss)"]).toMatch(/\bv\.kind\b/);
  });

  it("catches statements that would visit every shard", () => {
    expect(unpinned("SELECT seq FROM vault_events WHERE seq > $1")).toEqual([
      "vault_events vault_events",
    ]);
    expect(unpinned("SELECT 1 FROM memberships m WHERE m.account_id = $1")).toEqual([
      "memberships m",
    ]);
    expect(unpinned("UPDATE vaults SET bytes_stored = 0")).toEqual(["vaults vaults"]);
    expect(
      unpinned(
        "SELECT 1 FROM memberships m JOIN grants g ON g.account_id = m.account_id WHERE m.vault_id = $1",
      ),
    ).toEqual(["grants g"]);
    expect(unpinned("SELECT id FROM sessions s WHERE s.last_seen_at < now()")).toEqual([
      "sessions s",
    ]);
    expect(unpinned("SELECT 1 FROM vault_events WHERE vault_id = $1 AND seq > $2")).toEqual([]);
  });
});
