import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_WEB_DIR,
  describeDatabaseUrl,
  loadConfig,
} from "./config.ts";
import { DEFAULT_PUSH_CONTACT } from "./push/config.ts";
import { DEFAULT_QUOTAS } from "./quotas/config.ts";

const cwd = "/srv/trellis";
/** The shape of `npx @serenity-kit/opaque create-server-setup` output (171 base64url characters). */
const SETUP = `${"Ab9_-".repeat(34)}x`;
/** 32 bytes, unpadded base64url. */
const HMAC = "A".repeat(43);

describe("loadConfig", () => {
  it("has safe defaults", () => {
    expect(loadConfig({}, cwd)).toEqual({
      port: 4310,
      host: "127.0.0.1",
      dataDir: "/srv/trellis/data",
      databaseUrl: undefined,
      webDir: DEFAULT_WEB_DIR,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      opaqueServerSetup: undefined,
      hmacKey: undefined,
      vapidPrivateKey: undefined,
      push: { contact: DEFAULT_PUSH_CONTACT, allowHosts: [] },
      secretsFile: "/srv/trellis/data/secrets.json",
      quotas: DEFAULT_QUOTAS,
      trustProxy: false,
      sessionIdleSeconds: 30 * 24 * 60 * 60,
      sessionMaxAgeSeconds: 180 * 24 * 60 * 60,
    });
    // The built web app next to this package: apps/web/dist.
    expect(DEFAULT_WEB_DIR).toBe(resolve(import.meta.dirname, "../../web/dist"));
  });

  it("reads every variable", () => {
    expect(
      loadConfig(
        {
          PORT: "0",
          HOST: "0.0.0.0",
          TRELLIS_DATA_DIR: "var/trellis",
          TRELLIS_DATABASE_URL: "postgresql://u:p@db.example:5433/trellis",
          TRELLIS_WEB_DIR: "/opt/web",
          TRELLIS_MAX_BODY_BYTES: "1048576",
          TRELLIS_OPAQUE_SERVER_SETUP: SETUP,
          TRELLIS_TRUST_PROXY: "10.0.0.0/8, 192.168.1.7",
          TRELLIS_SESSION_IDLE_DAYS: "7",
          TRELLIS_SESSION_MAX_DAYS: "90",
          TRELLIS_HMAC_KEY: HMAC,
          TRELLIS_SECRETS_FILE: "/etc/trellis/secrets.json",
          TRELLIS_QUOTA_VAULT_BYTES: "1000000",
          TRELLIS_QUOTA_ACCOUNT_BYTES: "2000000",
          TRELLIS_QUOTA_VAULT_ENTRIES_PER_DAY: "10",
          TRELLIS_QUOTA_ACCOUNT_ENTRIES_PER_DAY: "20",
          TRELLIS_QUOTA_STREAMS_PER_SESSION: "3",
          TRELLIS_QUOTA_PENDING_INVITES_PER_VAULT: "4",
          TRELLIS_QUOTA_PENDING_INVITES_PER_ACCOUNT: "5",
          TRELLIS_QUOTA_PUSH_SCHEDULES_PER_DAY: "6",
          TRELLIS_VAPID_PRIVATE_KEY: HMAC,
          TRELLIS_PUSH_CONTACT: "https://trellis.clinic-example.org/contact",
          TRELLIS_PUSH_ALLOW_HOSTS: "push.example.org, *.Push.Example.net ,127.0.0.1,[::1]",
        },
        cwd,
      ),
    ).toEqual({
      port: 0,
      host: "0.0.0.0",
      dataDir: "/srv/trellis/var/trellis",
      databaseUrl: "postgresql://u:p@db.example:5433/trellis",
      webDir: "/opt/web",
      maxBodyBytes: 1048576,
      opaqueServerSetup: SETUP,
      hmacKey: HMAC,
      vapidPrivateKey: HMAC,
      push: {
        contact: "https://trellis.clinic-example.org/contact",
        allowHosts: ["push.example.org", "*.push.example.net", "127.0.0.1", "::1"],
      },
      secretsFile: "/etc/trellis/secrets.json",
      quotas: {
        vaultBytes: 1000000,
        accountBytes: 2000000,
        vaultEntriesPerDay: 10,
        accountEntriesPerDay: 20,
        streamsPerSession: 3,
        pendingInvitesPerVault: 4,
        pendingInvitesPerAccount: 5,
        pushSchedulesPerDay: 6,
      },
      trustProxy: ["10.0.0.0/8", "192.168.1.7"],
      sessionIdleSeconds: 7 * 24 * 60 * 60,
      sessionMaxAgeSeconds: 90 * 24 * 60 * 60,
    });
    for (const [text, value] of [
      ["true", true],
      ["false", false],
      ["0", false],
      ["2", 2],
    ] as const) {
      expect(loadConfig({ TRELLIS_TRUST_PROXY: text }, cwd).trustProxy).toBe(value);
    }
  });

  it("refuses a contact push services would refuse, odd hosts and a malformed VAPID key, never echoing the key", () => {
    const secret = `${"B".repeat(42)}!`;
    const error = (() => {
      try {
        loadConfig(
          {
            TRELLIS_PUSH_CONTACT: "mailto:admin@localhost",
            TRELLIS_PUSH_ALLOW_HOSTS: "https://push.example.org:8443/x",
            TRELLIS_VAPID_PRIVATE_KEY: secret,
          },
          cwd,
        );
      } catch (e) {
        return e;
      }
      return undefined;
    })() as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems.map((p) => p.variable)).toEqual([
      "TRELLIS_PUSH_CONTACT",
      "TRELLIS_PUSH_ALLOW_HOSTS",
      "TRELLIS_VAPID_PRIVATE_KEY",
    ]);
    expect(error.message).not.toContain(secret);
    for (const contact of ["admin@clinic.org", "mailto:x@host.local", "https://push.invalid"]) {
      expect(() => loadConfig({ TRELLIS_PUSH_CONTACT: contact }, cwd)).toThrow(
        /TRELLIS_PUSH_CONTACT/,
      );
    }
  });

  it("refuses a malformed HMAC key or quota, naming the variable and never echoing the key", () => {
    const error = (() => {
      try {
        loadConfig({ TRELLIS_HMAC_KEY: "short-secret", TRELLIS_QUOTA_VAULT_BYTES: "0" }, cwd);
      } catch (e) {
        return e as ConfigError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((p) => p.variable)).toEqual([
      "TRELLIS_HMAC_KEY",
      "TRELLIS_QUOTA_VAULT_BYTES",
    ]);
    expect(error!.message).not.toContain("short-secret");
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ PORT: "", TRELLIS_DATABASE_URL: " ", HOST: "" }, cwd)).toMatchObject({
      port: 4310,
      host: "127.0.0.1",
      databaseUrl: undefined,
    });
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "65536"],
    ["PORT", "-1"],
    ["PORT", "80.5"],
    ["HOST", "http://x"],
    ["HOST", "a b"],
    ["TRELLIS_DATABASE_URL", "mysql://x"],
    ["TRELLIS_DATABASE_URL", "not a url"],
    ["TRELLIS_MAX_BODY_BYTES", "10"],
    ["TRELLIS_MAX_BODY_BYTES", "8MB"],
    ["TRELLIS_OPAQUE_SERVER_SETUP", "not a setup"],
    ["TRELLIS_OPAQUE_SERVER_SETUP", "abc"],
    ["TRELLIS_TRUST_PROXY", "yes please"],
    ["TRELLIS_SESSION_IDLE_DAYS", "0"],
    ["TRELLIS_SESSION_IDLE_DAYS", "2 weeks"],
    ["TRELLIS_SESSION_MAX_DAYS", "3651"],
    ["TRELLIS_SESSION_MAX_DAYS", "1.5"],
  ])("rejects %s=%s with a message naming the variable", (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value }, cwd);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(name);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual([name]);
  });

  it("refuses a session idle limit longer than the maximum age", () => {
    expect(() =>
      loadConfig({ TRELLIS_SESSION_IDLE_DAYS: "60", TRELLIS_SESSION_MAX_DAYS: "30" }, cwd),
    ).toThrow(
      /TRELLIS_SESSION_IDLE_DAYS \(60\) must not be longer than TRELLIS_SESSION_MAX_DAYS \(30\)/,
    );
    expect(() => loadConfig({ TRELLIS_SESSION_IDLE_DAYS: "200" }, cwd)).toThrow(ConfigError);
    expect(
      loadConfig({ TRELLIS_SESSION_IDLE_DAYS: "30", TRELLIS_SESSION_MAX_DAYS: "30" }, cwd),
    ).toMatchObject({ sessionIdleSeconds: 30 * 86_400, sessionMaxAgeSeconds: 30 * 86_400 });
  });

  it("never echoes an OPAQUE server setup", () => {
    const secret = `${SETUP.slice(0, 100)}!`;
    expect(() => loadConfig({ TRELLIS_OPAQUE_SERVER_SETUP: secret }, cwd)).toThrow(ConfigError);
    try {
      loadConfig({ TRELLIS_OPAQUE_SERVER_SETUP: secret }, cwd);
    } catch (error) {
      expect((error as Error).message).not.toContain(SETUP.slice(0, 100));
    }
  });

  it("reports every bad variable at once and never echoes a database password", () => {
    try {
      loadConfig({ PORT: "x", TRELLIS_DATABASE_URL: "mysql://user:hunter2@host/db" }, cwd);
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("TRELLIS_DATABASE_URL");
      expect(message).not.toContain("hunter2");
    }
  });

  it("describes a database URL without credentials", () => {
    expect(describeDatabaseUrl("postgres://user:secret@db:5432/trellis")).toBe(
      "postgres://db:5432/trellis",
    );
  });
});
