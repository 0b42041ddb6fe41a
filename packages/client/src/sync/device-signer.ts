/**
 * This device's signer for entries: its key derived from the account's root
 * key and the device id (`deriveDeviceKey`), certified by the account's
 * identity key. Nothing new to keep, and the same after a reload.
 */
import {
  certifyDevice,
  type DeviceSigner,
  deriveDeviceKey,
  deriveIdentity,
  type RootKey,
} from "@trellis/crypto";

export function deviceSigner(root: RootKey, deviceId: string): DeviceSigner {
  const identity = deriveIdentity(root);
  const device = deriveDeviceKey(root, deviceId);
  return {
    identityKey: identity.signing.publicKey,
    device,
    deviceId,
    certificate: certifyDevice(identity.signing, { publicKey: device.publicKey, deviceId }),
  };
}
