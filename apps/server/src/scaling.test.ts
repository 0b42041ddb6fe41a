/**
 * Scaling (issue 15, docs/scaling.md): the hot routes' access cache on both
 * backends, and two instances on one PostgreSQL.
 */
import { describe } from "vitest";
import { defineAccessCacheSuite } from "./testing/access-cache-suite.ts";
import { describePostgres, openTestPglite, openTestPostgres } from "./testing/databases.ts";
import { useHarness } from "./testing/harness.ts";
import { defineInstancesSuite } from "./testing/instances-suite.ts";

describe("scaling on PGlite", { timeout: 60_000 }, () => {
  const harness = useHarness("pglite", openTestPglite);
  describe("access cache", () => defineAccessCacheSuite("pglite", harness));
});

describePostgres("scaling on PostgreSQL", (url) => {
  const harness = useHarness("postgres", () => openTestPostgres(url));
  describe("access cache", () => defineAccessCacheSuite("postgres", harness));
  describe("two instances on one PostgreSQL", () => defineInstancesSuite(harness));
});
