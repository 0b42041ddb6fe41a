/**
 * Issue 16 on the server: circle vaults (kinds, viewers adding to a circle,
 * the isolation of a circle member from the record) and sealed attachments,
 * on PGlite and (when TRELLIS_TEST_DATABASE_URL is set) PostgreSQL. One
 * database and app per backend, shared.
 */
import { describe } from "vitest";
import { defineAttachmentSuite } from "./testing/attachments-suite.ts";
import { defineCircleVaultSuite } from "./testing/circle-vaults-suite.ts";
import { describePostgres, openTestPglite, openTestPostgres } from "./testing/databases.ts";
import { useHarness } from "./testing/harness.ts";

// PGlite takes seconds to start on a busy machine.
describe("circle vaults and attachments on PGlite", { timeout: 60_000 }, () => {
  const harness = useHarness("pglite", openTestPglite);
  describe("circle vaults", () => defineCircleVaultSuite("pglite", harness));
  describe("attachments", () => defineAttachmentSuite("pglite", harness));
});

describePostgres("circle vaults and attachments on PostgreSQL", (url) => {
  const harness = useHarness("postgres", () => openTestPostgres(url));
  describe("circle vaults", () => defineCircleVaultSuite("postgres", harness));
  describe("attachments", () => defineAttachmentSuite("postgres", harness));
});
