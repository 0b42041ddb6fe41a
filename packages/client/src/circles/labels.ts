/**
 * The owner's names for members ("Mum", "Sam from work"), kept from the
 * members themselves. A member holds the circle's key, so a label sealed
 * only under it would be theirs to read. Each label is sealed a second time
 * under the owner's label key, which is itself sealed to the owner's own
 * box key and signed by them (a `label-key` entry): the owner's devices
 * open it, nobody else's. A partner sees no labels.
 */
import {
  fromBase64Url,
  generateVaultKey,
  openEvent,
  openVaultKeyGrant,
  sealEvent,
  sealVaultKeyFor,
  toBase64Url,
  type VaultKey,
} from "@trellis/crypto";
import {
  type CircleEntryInput,
  type CircleState,
  circleLabelSchema,
  type Result,
} from "@trellis/domain";
import type { SyncFailure } from "../sync/api.ts";
import { fromBase64, toBase64, utf8Decode, utf8Encode } from "../sync/base64.ts";
import type { Me } from "./context.ts";
import { inputFailure } from "./write.ts";

/** The label key the owner's grants in the circle hold, if one opens here. */
export function labelKeyOf(state: CircleState, me: Me, circleId: string): VaultKey | null {
  for (const grant of state.labelKeys) {
    const bytes = fromBase64Url(grant);
    if (!bytes.ok) continue;
    const opened = openVaultKeyGrant(bytes.value, {
      recipient: me.identity.box,
      expectedSigner: me.identity.signing.publicKey,
      vaultId: circleId,
    });
    if (opened.ok) return opened.value;
  }
  return null;
}

/** The labels this account can read (the owner's), by member account id. */
export function openLabels(state: CircleState, me: Me, circleId: string): Map<string, string> {
  const out = new Map<string, string>();
  const key = labelKeyOf(state, me, circleId);
  if (!key) return out;
  const keys = new Map([[key.epoch, key]]);
  for (const [accountId, { labelId, sealed }] of state.labels) {
    const bytes = fromBase64(sealed);
    const opened = bytes ? openEvent({ vaultId: circleId, eventId: labelId }, keys, bytes) : null;
    const text = opened?.ok ? utf8Decode(opened.value) : null;
    if (text !== null) out.set(accountId, text);
  }
  return out;
}

/** A new label key, and the entry that keeps it (sealed to the owner alone). */
export function newLabelKey(
  me: Me,
  circleId: string,
  at: string,
): { key: VaultKey; entry: CircleEntryInput } {
  const key = generateVaultKey(1);
  const grant = sealVaultKeyFor(me.identity.box.publicKey, key, {
    vaultId: circleId,
    signer: me.identity.signing.secretKey,
  });
  return { key, entry: { kind: "label-key", grant: toBase64Url(grant), at } };
}

/** The `label` entry for `label`, sealed under `key`; or what is wrong with the words. */
export function labelEntry(
  key: VaultKey,
  input: { circleId: string; accountId: string; label: string; at: string },
): Result<CircleEntryInput, SyncFailure> {
  const checked = circleLabelSchema.safeParse(input.label);
  if (!checked.success) {
    return inputFailure("label", checked.error.issues[0]?.message ?? "invalid");
  }
  const labelId = crypto.randomUUID();
  const sealed = sealEvent(
    { vaultId: input.circleId, eventId: labelId, epoch: key.epoch },
    key,
    utf8Encode(checked.data),
  );
  return {
    ok: true,
    value: {
      kind: "label",
      accountId: input.accountId,
      labelId,
      sealed: toBase64(sealed),
      at: input.at,
    },
  };
}
