/**
 * Vaults: sharing (invites, members, grants), the isolation test, and live
 * updates, on PGlite and (when TRELLIS_TEST_DATABASE_URL is set)
 * PostgreSQL. One database and app per backend, shared.
 */
import { describe } from "vitest";
import { describePostgres, openTestPglite, openTestPostgres } from "./testing/databases.ts";
import { useHarness } from "./testing/harness.ts";
import { defineInvitesSuite } from "./testing/invites-suite.ts";
import { defineLiveSuite } from "./testing/live-suite.ts";
import { defineSharingSuite } from "./testing/sharing-suite.ts";

// PGlite takes seconds to start on a busy machine.
describe("vaults on PGlite", { timeout: 60_000 }, () => {
  const harness = useHarness("pglite", openTestPglite);
  describe("sharing", () => defineSharingSuite("pglite", harness));
  describe("invites", () => defineInvitesSuite("pglite", harness));
  describe("live updates", () => defineLiveSuite("pglite", harness));
});

describePostgres("vaults on PostgreSQL", (url) => {
  const harness = useHarness("postgres", () => openTestPostgres(url));
  describe("sharing", () => defineSharingSuite("postgres", harness));
  describe("invites", () => defineInvitesSuite("postgres", harness));
  describe("live updates", () => defineLiveSuite("postgres", harness));
});
