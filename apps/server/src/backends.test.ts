/**
 * The storage-backed suites, run against both backends: PGlite always, and
 * PostgreSQL when TRELLIS_TEST_DATABASE_URL is set (see describePostgres for
 * what happens when it is not). One database and app per backend, shared.
 */
import { describe } from "vitest";
import { defineAccountProofSuite } from "./testing/account-proof-suite.ts";
import { defineAccountSuite } from "./testing/accounts-suite.ts";
import { defineBackendSuite } from "./testing/backend-suite.ts";
import { describePostgres, openTestPglite, openTestPostgres } from "./testing/databases.ts";
import { useHarness } from "./testing/harness.ts";
import { defineQuotaSuite } from "./testing/quotas-suite.ts";
import { defineSecretsSuite } from "./testing/secrets-suite.ts";
import { defineSessionExpirySuite } from "./testing/session-expiry-suite.ts";
import { defineSignedOutElsewhereSuite } from "./testing/signed-out-elsewhere-suite.ts";

// PGlite takes seconds to start on a busy machine.
describe("event log and accounts on PGlite", { timeout: 60_000 }, () => {
  const harness = useHarness("pglite", openTestPglite);
  describe("event log", () => defineBackendSuite("pglite", harness));
  describe("accounts", () => defineAccountSuite("pglite", harness));
  describe("session expiry", () => defineSessionExpirySuite("pglite", harness));
  describe("signed out elsewhere", () => defineSignedOutElsewhereSuite("pglite", harness));
  describe("account proofs", () => defineAccountProofSuite("pglite", harness));
  describe("quotas", () => defineQuotaSuite("pglite", harness));
  describe("secrets", () => defineSecretsSuite("pglite", harness));
});

describePostgres("event log and accounts on PostgreSQL", (url) => {
  const harness = useHarness("postgres", () => openTestPostgres(url));
  describe("event log", () => defineBackendSuite("postgres", harness));
  describe("accounts", () => defineAccountSuite("postgres", harness));
  describe("session expiry", () => defineSessionExpirySuite("postgres", harness));
  describe("signed out elsewhere", () => defineSignedOutElsewhereSuite("postgres", harness));
  describe("account proofs", () => defineAccountProofSuite("postgres", harness));
  describe("quotas", () => defineQuotaSuite("postgres", harness));
  describe("secrets", () => defineSecretsSuite("postgres", harness));
});
