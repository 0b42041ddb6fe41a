import { describe, expect, it } from "vitest";
import type { Queryable, QueryResult } from "../db/types.ts";
import { VAULT_EVENTS_CHANNEL } from "./notifications.ts";
import { createNotifier, NOTIFY_BATCH } from "./notifier.ts";

const A = "0190c4d2-1c3e-7abc-8def-0123456789ab";
const B = "0190c4d2-1c3e-7abc-8def-0123456789ac";

/** A database that records each statement and answers when told to. */
function recordingDb(fail = false) {
  const calls: { sql: string; params: readonly unknown[] }[] = [];
  const answers: (() => void)[] = [];
  const db: Queryable = {
    query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      calls.push({ sql, params });
      return new Promise((resolve, reject) =>
        answers.push(() => (fail ? reject(new Error("gone")) : resolve({ rows: [], rowCount: 0 }))),
      );
    },
  };
  return {
    db,
    calls,
    answerAll: () => {
      for (const answer of answers.splice(0)) answer();
    },
  };
}

describe("the notifier", () => {
  it("sends the notices asked for while a batch is on its way as one statement, the highest seq per vault", async () => {
    const { db, calls, answerAll } = recordingDb();
    const notifier = createNotifier(db);
    const first = notifier.notify(A, 5);
    const later = [notifier.notify(A, 7), notifier.notify(B, 3), notifier.notify(A, 6)];
    expect(calls).toEqual([{ sql: NOTIFY_BATCH, params: [VAULT_EVENTS_CHANNEL, [`${A}:5`]] }]);
    answerAll();
    await first;
    expect(calls[1]).toEqual({
      sql: NOTIFY_BATCH,
      params: [VAULT_EVENTS_CHANNEL, [`${A}:7`, `${B}:3`]],
    });
    answerAll();
    await Promise.all(later);
    expect(calls).toHaveLength(2);
  });

  it("resolves even when the database fails: the append itself is stored", async () => {
    const { db, answerAll } = recordingDb(true);
    const sent = createNotifier(db).notify(A, 1);
    answerAll();
    await expect(sent).resolves.toBeUndefined();
  });
});
