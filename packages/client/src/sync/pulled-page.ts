/**
 * A page of pulled events, whichever form the server sent it in: binary
 * (`@trellis/sync` event pages, asked for first) or JSON with base64 bodies
 * (the contract's `pullResponse`, which every server speaks). Either way the
 * caller gets bodies as bytes.
 */
import { decodeEventPage, type EventPage, type PageEvent, pullResponse } from "@trellis/sync";
import { fromBase64 } from "./base64.ts";

export type { EventPage, PageEvent };

/** A validator in the shape `createApi` expects: never throws, refuses anything off-contract. */
export const pulledPage = {
  safeParse(value: unknown): { success: true; data: EventPage } | { success: false } {
    if (value instanceof Uint8Array) {
      const decoded = decodeEventPage(value);
      return decoded.ok ? { success: true, data: decoded.value } : { success: false };
    }
    const json = pullResponse.safeParse(value);
    if (!json.success) return { success: false };
    const events: PageEvent[] = [];
    for (const e of json.data.events) {
      const body = fromBase64(e.body);
      const receivedAt = Date.parse(e.receivedAt);
      if (!body || Number.isNaN(receivedAt)) return { success: false };
      events.push({ seq: e.seq, id: e.id, body, receivedAt });
    }
    return { success: true, data: { events, next: json.data.next, more: json.data.more } };
  },
};
