/**
 * The storage-backed suite, run against both backends: PGlite always, and
 * PostgreSQL when TRELLIS_TEST_DATABASE_URL is set (see describePostgres for
 * what happens when it is not).
 */
import { describe } from "vitest";
import { defineBackendSuite } from "./testing/backend-suite.ts";
import { describePostgres, openTestPglite, openTestPostgres } from "./testing/databases.ts";

describe("vault API on PGlite", () => {
  defineBackendSuite("pglite", openTestPglite);
});

describePostgres("vault API on PostgreSQL", (url) => {
  defineBackendSuite("postgres", () => openTestPostgres(url));
});
