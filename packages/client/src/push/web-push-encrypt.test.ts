import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "./base64url.ts";
import { contentKeys, encryptWebPush } from "./web-push-encrypt.ts";

/** RFC 8291, Appendix A: every input fixed, and the exact message body. */
const rfc = {
  plaintext: "When I grow up, I want to be a watermelon",
  asPublic:
    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8",
  asPrivate: "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw",
  uaPublic:
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
  uaPrivate: "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94",
  salt: "DGv6ra1nlYgDCS1FRnbzlw",
  auth: "BTBZMqHH6r4Tts7J_aSIgg",
  body: "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
};
const keys = { p256dh: rfc.uaPublic, auth: rfc.auth };
const subtle = globalThis.crypto.subtle;

/** What the browser holding the subscription does (RFC 8291 §3.4, RFC 8188), written apart from the encrypting side. */
async function decryptAsUserAgent(body: Uint8Array): Promise<string> {
  const salt = body.slice(0, 16);
  const rs = new DataView(body.buffer, body.byteOffset).getUint32(16);
  const idlen = body[20]!;
  const asPublic = body.slice(21, 21 + idlen);
  const ciphertext = body.slice(21 + idlen);
  expect(ciphertext.length).toBeLessThanOrEqual(rs);
  const ua = fromBase64Url(rfc.uaPublic);
  const privateKey = await subtle.importKey(
    "jwk",
    {
      kty: "EC",
      crv: "P-256",
      x: toBase64Url(ua.subarray(1, 33)),
      y: toBase64Url(ua.subarray(33)),
      d: rfc.uaPrivate,
    },
    { name: "ECDH", namedCurve: "P-256" },
    false,
    ["deriveBits"],
  );
  const sender = await subtle.importKey(
    "raw",
    asPublic,
    { name: "ECDH", namedCurve: "P-256" },
    false,
    [],
  );
  const secret = new Uint8Array(
    await subtle.deriveBits({ name: "ECDH", public: sender }, privateKey, 256),
  );
  const { cek, nonce } = await contentKeys(secret, fromBase64Url(rfc.auth), ua, asPublic, salt);
  const aes = await subtle.importKey("raw", cek, "AES-GCM", false, ["decrypt"]);
  const record = new Uint8Array(
    await subtle.decrypt({ name: "AES-GCM", iv: nonce }, aes, ciphertext),
  );
  let end = record.length - 1;
  while (end >= 0 && record[end] === 0) end--;
  expect(record[end]).toBe(2);
  return new TextDecoder().decode(record.subarray(0, end));
}

describe("RFC 8291 encryption on the device", () => {
  it("gives exactly the body of RFC 8291 Appendix A from its sender keys and salt", async () => {
    const body = await encryptWebPush(new TextEncoder().encode(rfc.plaintext), keys, {
      salt: fromBase64Url(rfc.salt),
      sender: { publicKey: fromBase64Url(rfc.asPublic), privateKey: fromBase64Url(rfc.asPrivate) },
    });
    expect(toBase64Url(body)).toBe(rfc.body);
  });

  it("the Appendix A body decrypts with the subscription's private key", async () => {
    expect(await decryptAsUserAgent(fromBase64Url(rfc.body))).toBe(rfc.plaintext);
  });

  it("with a fresh key pair and salt each time, decrypts with the subscription's key and pads to one size", async () => {
    const short = await encryptWebPush(new TextEncoder().encode("{}"), keys, { padTo: 512 });
    const long = await encryptWebPush(new TextEncoder().encode("x".repeat(400)), keys, {
      padTo: 512,
    });
    const again = await encryptWebPush(new TextEncoder().encode("{}"), keys, { padTo: 512 });
    expect(short.length).toBe(long.length);
    expect(toBase64Url(again)).not.toBe(toBase64Url(short));
    expect(await decryptAsUserAgent(short)).toBe("{}");
    expect(await decryptAsUserAgent(long)).toBe("x".repeat(400));
  });

  it("a changed byte does not decrypt", async () => {
    const body = fromBase64Url(rfc.body);
    body[body.length - 20]! ^= 1;
    await expect(decryptAsUserAgent(body)).rejects.toThrow();
  });

  it("refuses keys that are not a subscription's", async () => {
    await expect(
      encryptWebPush(new Uint8Array(1), { p256dh: rfc.auth, auth: rfc.auth }),
    ).rejects.toThrow(/P-256/);
  });
});
