import { fromBase64Url, fromUtf8, lengthPrefixed, toBase64Url, utf8 } from './encoding';
import { errorStatementSchema, type ErrorProof, type ErrorStatement } from './errors';
import { sign, verify } from './keys';

/**
 * Signed refusals. A plain HTTP error could be forged by anyone on the path; a device must only
 * wipe itself (DEVICE_REVOKED) on a statement signed by the server key it enrolled with, naming
 * its own device id and the request it just sent.
 */
const proofLabel = utf8('KIM-Fallakte refusal v1');

export async function signErrorStatement(statement: ErrorStatement, signingKey: CryptoKey, keyId: string): Promise<ErrorProof> {
  const bytes = utf8(JSON.stringify(errorStatementSchema.parse(statement)));
  const sig = await sign(signingKey, lengthPrefixed(proofLabel, bytes));
  return { statement: toBase64Url(bytes), sig: toBase64Url(sig), keyId };
}

export async function verifyErrorProof(
  proof: ErrorProof,
  serverVerifyKey: CryptoKey,
  expected: { code: ErrorStatement['code']; deviceId: string; requestId: string },
): Promise<boolean> {
  try {
    const bytes = fromBase64Url(proof.statement);
    if (!(await verify(serverVerifyKey, fromBase64Url(proof.sig), lengthPrefixed(proofLabel, bytes)))) return false;
    const statement = errorStatementSchema.safeParse(JSON.parse(fromUtf8(bytes)));
    return (
      statement.success &&
      statement.data.code === expected.code &&
      statement.data.deviceId === expected.deviceId &&
      statement.data.requestId === expected.requestId
    );
  } catch {
    return false;
  }
}
