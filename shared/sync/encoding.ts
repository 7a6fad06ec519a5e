/**
 * Byte helpers shared by both ends. `shared/` runs in the browser too, so Buffer is used only
 * where the host has it (Node: the server and Electron's main process, where a pull page's
 * base64url costs ~0.1 ms instead of ~10 ms through strings); elsewhere base64url goes through
 * btoa/atob, which exist in Node 20 and every browser. Both paths give the same bytes.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Throws on invalid UTF-8 instead of inventing replacement characters. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Node's Buffer, looked up at run time so that browsers load this module unchanged. */
interface NodeBufferLike {
  from(data: ArrayBuffer, byteOffset: number, length: number): { toString(encoding: 'base64url'): string };
  from(data: string, encoding: 'base64url'): Uint8Array;
}
const nodeBuffer = (globalThis as { Buffer?: NodeBufferLike }).Buffer;

export function toBase64Url(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (nodeBuffer) return nodeBuffer.from(view.buffer as ArrayBuffer, view.byteOffset, view.byteLength).toString('base64url');
  let binary = '';
  // Chunked: String.fromCharCode with a huge spread overflows the call stack.
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const base64UrlPattern = /^[A-Za-z0-9_-]*$/;

export function fromBase64Url(text: string): Uint8Array {
  if (!base64UrlPattern.test(text) || text.length % 4 === 1) throw new Error('Ungültige base64url-Kodierung');
  // A copy in an ArrayBuffer of its own (Node pools small Buffers in a shared one).
  if (nodeBuffer) return new Uint8Array(nodeBuffer.from(text, 'base64url'));
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A 4-byte big-endian length before each part makes the concatenation unambiguous. */
export function lengthPrefixed(...parts: Uint8Array[]): Uint8Array {
  const framed: Uint8Array[] = [];
  for (const part of parts) {
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, part.length);
    framed.push(length, part);
  }
  return concatBytes(...framed);
}

/** WebCrypto wants an ArrayBuffer-backed view; copying also detaches us from caller buffers. */
export function asBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(new ArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}
