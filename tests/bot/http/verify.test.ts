/** Ed25519 request verification with a key pair made here: only Discord's own, recent signatures pass. */
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publicKeyFromHex, REPLAY_WINDOW_SECONDS, verifyInteractionRequest } from '../../../src/bot/http/verify.ts';

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return { hex: raw.toString('hex'), privateKey };
}

describe('verifyInteractionRequest', () => {
  const discord = keyPair();
  const impostor = keyPair();
  const key = publicKeyFromHex(discord.hex);
  const now = 1_800_000_000;
  const body = Buffer.from('{"type":1,"id":"1"}');
  const signed = (timestamp: string, payload: Buffer, by = discord.privateKey) =>
    sign(null, Buffer.concat([Buffer.from(timestamp), payload]), by).toString('hex');

  it('GIVEN a request signed by the application key just now THEN it passes', () => {
    const timestamp = String(now);
    expect(verifyInteractionRequest(key, { signature: signed(timestamp, body), timestamp, body }, now)).toEqual({
      ok: true,
    });
  });

  it('GIVEN a signature by another key, a changed body or a changed timestamp THEN bad-signature', () => {
    const timestamp = String(now);
    const bad = { ok: false, reason: 'bad-signature' };
    const forged = signed(timestamp, body, impostor.privateKey);
    expect(verifyInteractionRequest(key, { signature: forged, timestamp, body }, now)).toEqual(bad);
    const signature = signed(timestamp, body);
    const tampered = Buffer.from('{"type":2,"id":"1"}');
    expect(verifyInteractionRequest(key, { signature, timestamp, body: tampered }, now)).toEqual(bad);
    expect(verifyInteractionRequest(key, { signature, timestamp: String(now + 1), body }, now)).toEqual(bad);
  });

  it('GIVEN a genuine signature outside the replay window, either way THEN stale', () => {
    for (const timestamp of [String(now - REPLAY_WINDOW_SECONDS - 1), String(now + REPLAY_WINDOW_SECONDS + 1)]) {
      expect(verifyInteractionRequest(key, { signature: signed(timestamp, body), timestamp, body }, now)).toEqual({
        ok: false,
        reason: 'stale',
      });
    }
    const edge = String(now - REPLAY_WINDOW_SECONDS);
    expect(verifyInteractionRequest(key, { signature: signed(edge, body), timestamp: edge, body }, now).ok).toBe(true);
  });

  it('GIVEN missing or malformed headers THEN refused before any crypto', () => {
    const timestamp = String(now);
    const signature = signed(timestamp, body);
    expect(verifyInteractionRequest(key, { signature: undefined, timestamp, body }, now)).toMatchObject({
      reason: 'missing-headers',
    });
    expect(verifyInteractionRequest(key, { signature, timestamp: undefined, body }, now)).toMatchObject({
      reason: 'missing-headers',
    });
    expect(verifyInteractionRequest(key, { signature: 'zz', timestamp, body }, now)).toMatchObject({
      reason: 'malformed-headers',
    });
    expect(verifyInteractionRequest(key, { signature, timestamp: '12abc', body }, now)).toMatchObject({
      reason: 'malformed-headers',
    });
  });

  it('GIVEN a public key that is not 64 hex characters THEN it is refused', () => {
    expect(() => publicKeyFromHex('abc')).toThrow(/64 hex/);
  });
});
