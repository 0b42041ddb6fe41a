/** Where `npm run certs` keeps the home certificate authority and server certificate. */
import { join } from "node:path";

export interface HomeTlsFiles {
  readonly dir: string;
  readonly caCert: string;
  readonly caKey: string;
  readonly cert: string;
  readonly key: string;
}

/** `<dataDir>/tls/`: ca.crt, ca.key, server.crt, server.key (folder 0700, files 0600). */
export function homeTlsFiles(dataDir: string): HomeTlsFiles {
  const dir = join(dataDir, "tls");
  return {
    dir,
    caCert: join(dir, "ca.crt"),
    caKey: join(dir, "ca.key"),
    cert: join(dir, "server.crt"),
    key: join(dir, "server.key"),
  };
}
