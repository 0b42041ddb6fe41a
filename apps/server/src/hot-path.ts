/**
 * The SQL of the hot paths, by name: what runs for every append, pull and
 * live-stream notice. hot-path.test.ts checks that each statement reaches
 * the vault tables by `vault_id` (and accounts by `account_id`), so the log
 * can be partitioned by vault and distributed by `vault_id` (docs/scaling.md).
 * A new hot query belongs here.
 */
import { SESSION_BY_TOKEN } from "./auth/sessions.ts";
import { APPEND_FUNCTION, WINDOW_ADD_FUNCTION } from "./db/append-function.ts";
import { MEMBERSHIP } from "./vault/access.ts";
import { LATEST_SEQ, PULL_BEFORE, PULL_PAGE, PULL_PAGE_CHECKED } from "./vault/store.ts";
import { STREAM_ACCESS } from "./vault/stream-checks.ts";

export const HOT_PATH_QUERIES: Readonly<Record<string, string>> = {
  "append (trellis_append)": APPEND_FUNCTION,
  "daily entry counter (trellis_window_add)": WINDOW_ADD_FUNCTION,
  "pull a page": PULL_PAGE,
  "pull a page, reader checked": PULL_PAGE_CHECKED,
  "pull from the end (a new device)": PULL_BEFORE,
  "latest seq (stream catch-up)": LATEST_SEQ,
  "stream access check": STREAM_ACCESS,
  "membership (cache miss)": MEMBERSHIP,
  "session by token (cache miss)": SESSION_BY_TOKEN,
};
