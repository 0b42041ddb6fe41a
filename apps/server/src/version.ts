import { readFileSync } from "node:fs";

/** The server's version, from apps/server/package.json. */
export const SERVER_VERSION: string = (() => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version?: unknown;
  };
  return typeof pkg.version === "string" ? pkg.version : "0.0.0";
})();
