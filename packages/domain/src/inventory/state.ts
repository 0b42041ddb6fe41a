import type { DoseUnit } from "../medication/catalogue.ts";
import type { packageKinds } from "./events.ts";

export interface Supply {
  readonly id: string;
  readonly medication: { readonly catalogueId?: string | undefined; readonly name: string };
  readonly quantity: number;
  readonly unit: DoseUnit;
  readonly packages: { readonly count: number; readonly kind: (typeof packageKinds)[number] };
  readonly expiry: string | null;
  readonly addedOn: string;
  readonly note: string | null;
  readonly counts: readonly { readonly remaining: number; readonly countedAt: string }[];
  readonly removed: "used-up" | "expired" | "discarded" | "mistake" | null;
}
