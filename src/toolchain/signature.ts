/**
 * The release archive's detached OpenPGP signature, checked against the pinned primary key.
 * Google rotates the signing subkeys yearly and lets them expire, so a signature is judged by
 * the subkey's validity when the signature was made, not today (golang/go#38910).
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import type * as OpenPGP from 'openpgp'

// Loaded on first use: most runs never check a signature, and OpenPGP.js is a third of the bundle.
const loadOpenpgp = (): Promise<typeof OpenPGP> => import('openpgp')

export class KeyMismatchError extends Error {}

/**
 * The signature names a signing key the key at hand does not hold: nothing was checked, so
 * this is not a bad signature (a stored copy of the key may predate a rotated-in subkey).
 */
export class UnknownSigningKeyError extends Error {
  constructor(readonly keyIDs: string[]) {
    super(`the signature was made by key ID ${keyIDs.join(', ')}, which the signing key does not hold`)
  }
}

/** SHA-256 of the key's packets: what a proof trusted, beyond the primary fingerprint. */
export function keyMaterialDigest(key: OpenPGP.PublicKey): string {
  return createHash('sha256').update(key.write()).digest('hex')
}

export async function readPinnedKey(armored: string, fingerprint: string): Promise<OpenPGP.PublicKey> {
  const openpgp = await loadOpenpgp()
  const key = await openpgp.readKey({ armoredKey: armored })
  const actual = key.getFingerprint().toUpperCase()
  if (actual !== fingerprint.toUpperCase()) {
    throw new KeyMismatchError(`the signing key's primary fingerprint is ${actual}, not the pinned ${fingerprint}`)
  }
  return key
}

/** Throws with the reason when `file` is not signed by `key` according to `armoredSignature`. */
export async function verifyDetached(
  file: string,
  armoredSignature: string,
  key: OpenPGP.PublicKey
): Promise<{ created: Date; keyID: string }> {
  const openpgp = await loadOpenpgp()
  const signature = await openpgp.readSignature({ armoredSignature })
  const issuers = signature.getSigningKeyIDs()
  if (!issuers.some(id => key.getKeys(id).length > 0)) {
    throw new UnknownSigningKeyError(issuers.map(id => id.toHex().toUpperCase()))
  }
  const created = signature.packets[0]?.created ?? new Date()
  // OpenPGP.js hashes the stream with Node's crypto; 1 MiB chunks keep its per-chunk stream
  // plumbing small next to the hashing.
  const message = await openpgp.createMessage({
    binary: Readable.toWeb(createReadStream(file, { highWaterMark: 1 << 20 })) as ReadableStream<Uint8Array>
  })
  // format: 'binary' hands the data back as bytes; the default decodes all of it as UTF-8 text
  // (seconds for a release archive) only for it to be thrown away below.
  const result = await openpgp.verify({
    message,
    signature,
    verificationKeys: key,
    date: created,
    expectSigned: false,
    format: 'binary'
  })
  const [first] = result.signatures
  if (first === undefined) throw new Error('the .asc holds no signature')
  // Reading the data drives the streamed verification.
  const reader = (result.data as ReadableStream<Uint8Array>).getReader()
  while (!(await reader.read()).done);
  await first.verified
  return { created, keyID: first.keyID.toHex().toUpperCase() }
}
