/**
 * Discord signs every request to an interactions endpoint with the application's Ed25519 key: the signature
 * (header X-Signature-Ed25519, hex) covers the timestamp header followed by the raw body. Checked here with
 * node:crypto alone; the timestamp must also be recent, so a recorded request cannot be replayed later.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER header of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * How far (either way) a request's timestamp may be from our clock. Discord sends requests as they happen, so
 * anything older is a replay; five minutes leaves room for clock skew between machines.
 */
export const REPLAY_WINDOW_SECONDS = 300;

/** The key the Developer Portal shows as "Public Key" (64 hex characters). */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('an Ed25519 public key is 64 hex characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export type SignatureVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing-headers' | 'malformed-headers' | 'bad-signature' | 'stale' };

export interface SignedRequest {
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly body: Buffer;
}

/** Whether `request` was signed by `key` within the replay window around `nowSeconds`. */
export function verifyInteractionRequest(
  key: KeyObject,
  request: SignedRequest,
  nowSeconds: number = Date.now() / 1000,
): SignatureVerdict {
  const { signature, timestamp, body } = request;
  if (signature === undefined || timestamp === undefined) return { ok: false, reason: 'missing-headers' };
  if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'malformed-headers' };
  const signed = verify(
    null,
    Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
    key,
    Buffer.from(signature, 'hex'),
  );
  if (!signed) return { ok: false, reason: 'bad-signature' };
  if (Math.abs(nowSeconds - Number(timestamp)) > REPLAY_WINDOW_SECONDS) return { ok: false, reason: 'stale' };
  return { ok: true };
}
