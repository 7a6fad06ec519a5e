import { describe, expect, it } from 'vitest';
import { defaultKdfParams, deriveKey, newKdfSalt, resolveKdfParams } from '../../../electron/core/crypto/kdf';
import { newDatabaseKey, unwrapKey, wrapKey } from '../../../electron/core/crypto/key-wrap';
import { testKdf } from './helpers';

const profileId = '0190f0b4-7c2d-7a3e-8f00-123456789abc';

describe('key derivation and wrapping', () => {
  it('wraps and unwraps the database key; a wrong password, another profile or a flipped bit fail', async () => {
    const salt = newKdfSalt();
    const kek = await deriveKey('Kaffee Fahrrad Wolke Sieben', salt, resolveKdfParams(testKdf));
    const dbKey = newDatabaseKey();
    const wrapped = wrapKey(kek, dbKey, profileId);
    expect(unwrapKey(kek, wrapped, profileId)).toEqual(dbKey);

    const wrongKek = await deriveKey('Kaffee Fahrrad Wolke Acht', salt, resolveKdfParams(testKdf));
    expect(unwrapKey(wrongKek, wrapped, profileId)).toBeNull();
    expect(unwrapKey(kek, wrapped, '0190f0b4-7c2d-7a3e-8f00-000000000000')).toBeNull();
    const tampered = Buffer.from(wrapped.ciphertext, 'base64');
    tampered[0] = tampered[0]! ^ 1;
    expect(unwrapKey(kek, { ...wrapped, ciphertext: tampered.toString('base64') }, profileId)).toBeNull();
  });

  it('a fresh salt and IV every time', () => {
    const kek = newDatabaseKey();
    const dbKey = newDatabaseKey();
    expect(wrapKey(kek, dbKey, profileId).iv).not.toBe(wrapKey(kek, dbKey, profileId).iv);
    expect(newKdfSalt().equals(newKdfSalt())).toBe(false);
  });

  it('NFC and NFD spellings of the same password derive the same key', async () => {
    const salt = newKdfSalt();
    const nfc = await deriveKey('Grüße aus Mettmann', salt, resolveKdfParams(testKdf));
    const nfd = await deriveKey('Grüße aus Mettmann'.normalize('NFD'), salt, resolveKdfParams(testKdf));
    expect(nfc).toEqual(nfd);
  });

  it('refuses a cost that is not a power of two', () => {
    expect(() => resolveKdfParams({ N: 1000 })).toThrow();
  });

  it('the production default costs at least 250 ms (N = 2^17, r = 8)', async () => {
    expect(defaultKdfParams).toEqual({ algorithm: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    const started = performance.now();
    await deriveKey('Kaffee Fahrrad Wolke Sieben', newKdfSalt(), defaultKdfParams);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });
});
