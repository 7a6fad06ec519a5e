import { lengthPrefixed, utf8 } from './encoding';
import type { PublicKeysText } from './protocol';

/**
 * What a device signs when it enrolls: the code, its keys and the time. The server checks it
 * with the Ed25519 key in the same request, so a device proves it holds that key's private half.
 */
export function enrollSigningInput(input: { code: string; deviceName: string; publicKeys: PublicKeysText; time: number }): Uint8Array {
  return lengthPrefixed(
    utf8('KIM-Fallakte enroll v1'),
    utf8(input.code),
    utf8(input.deviceName),
    utf8(input.publicKeys.x25519),
    utf8(input.publicKeys.ed25519),
    utf8(String(input.time)),
  );
}
