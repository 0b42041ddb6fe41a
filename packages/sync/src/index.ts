/**
 * @trellis/sync: the wire contract between Trellis clients and servers.
 * Schemas (zod) for every request and response, the endpoint list, and the
 * invite link format. No I/O and no logic beyond parsing.
 */

export * from "./account-proof.ts";
export * from "./event-pages.ts";
export * from "./paths.ts";
export * from "./push.ts";
export * from "./wire.ts";
