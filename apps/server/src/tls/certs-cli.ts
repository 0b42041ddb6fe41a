/**
 * `npm run certs [name ...]`: makes (or renews) the home certificate
 * authority and this machine's server certificate in `<TRELLIS_DATA_DIR>/tls`.
 * Extra names or addresses come from the arguments and TRELLIS_CERT_NAMES
 * (comma-separated), e.g. a name your router gives this computer.
 */
import { ConfigError, loadConfig } from "../config.ts";
import {
  CertificateNameError,
  ensureHomeCertificates,
  machineNames,
  mergeNames,
  parseExtraNames,
  spkiSha256,
} from "./certs.ts";
import { certificateFingerprint } from "./trust-routes.ts";

async function main(): Promise<void> {
  process.umask(0o077);
  let config: ReturnType<typeof loadConfig>;
  let extra: ReturnType<typeof parseExtraNames>;
  try {
    config = loadConfig();
    extra = mergeNames(
      parseExtraNames(process.env.TRELLIS_CERT_NAMES),
      parseExtraNames(process.argv.slice(2).join(",")),
    );
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CertificateNameError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const home = await ensureHomeCertificates({
    dataDir: config.dataDir,
    names: mergeNames(machineNames(), extra),
  });
  if (home === undefined) throw new Error("no certificates were made");
  const made = home.made.authority
    ? "Made a new home certificate authority and a certificate for this computer"
    : home.made.server
      ? "Made a new certificate for this computer (the authority stays the same: phones that trust it need nothing new)"
      : "The certificates are up to date; nothing changed";
  console.log(`${made}, in ${home.files.dir}.`);
  console.log(`It covers: ${[...home.names.dns, ...home.names.ips].join(", ")}.`);
  console.log(
    `Valid until ${home.notAfter.toISOString().slice(0, 10)}; the server renews it on its own.`,
  );
  console.log(`Authority fingerprint (SHA-256): ${certificateFingerprint(home.caPem)}`);
  console.log(`Server key SPKI (SHA-256, base64): ${spkiSha256(home.certPem)}`);
  console.log(
    config.tls?.source === "env"
      ? "TRELLIS_TLS_CERT and TRELLIS_TLS_KEY are set, so the server uses those instead."
      : "Next: `HOST=0.0.0.0 npm start`, then open the address it prints on your phone.",
  );
}

await main();
