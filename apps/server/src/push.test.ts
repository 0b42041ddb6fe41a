/**
 * The push relay (issue 14) on PGlite and, when TRELLIS_TEST_DATABASE_URL is
 * set, PostgreSQL; and two instances on one PostgreSQL sending each item
 * exactly once.
 */
import { describe } from "vitest";
import { describePostgres, openTestPglite, openTestPostgres } from "./testing/databases.ts";
import { useHarness } from "./testing/harness.ts";
import { defineTwoInstancePushSuite } from "./testing/push-instances-suite.ts";
import { definePushSuite } from "./testing/push-suite.ts";

describe("push relay on PGlite", { timeout: 60_000 }, () => {
  const harness = useHarness("pglite", openTestPglite);
  definePushSuite("pglite", harness);
});

describePostgres("push relay on PostgreSQL", (url) => {
  describe("one instance", { timeout: 60_000 }, () => {
    const harness = useHarness("postgres", () => openTestPostgres(url));
    definePushSuite("postgres", harness);
  });
  describe("two instances", { timeout: 60_000 }, () => defineTwoInstancePushSuite(url));
});
