// Ed25519 signatures on policy bundles, so a records system can check who issued a policy: key files
// (PEM, or raw 32-byte keys as bytes, hex or base64), new key pairs, signing a bundle and checking a
// bundle's signature against the key a records system trusts. Node's crypto; the engine says what is signed.

import crypto, { type KeyObject } from 'node:crypto';
import { bundleSigningPayload, type BundleSignature } from '../engine/index';

export class KeyError extends Error {}

/** DER prefixes that wrap a raw 32-byte Ed25519 key as PKCS#8 (private) and SubjectPublicKeyInfo (public). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A raw key written as 32 bytes, 64 hex digits or base64 (a 64-byte private key is seed then public key). */
function rawKeyBytes(data: Buffer): Buffer | null {
  if (data.length === 32 || data.length === 64) return data;
  const text = data.toString('latin1').trim();
  if (/^[0-9a-fA-F]{64}$|^[0-9a-fA-F]{128}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
    const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32 || bytes.length === 64) return bytes;
  }
  return null;
}

function mustBeEd25519(key: KeyObject, file: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new KeyError(`${file}: is a ${key.asymmetricKeyType ?? 'non-asymmetric'} key; bundles are signed with Ed25519 keys`);
  }
  return key;
}

const KEY_FORMS =
  'a PEM key (-----BEGIN PRIVATE KEY----- or -----BEGIN PUBLIC KEY-----, as `openssl genpkey -algorithm ed25519` writes) or a raw 32-byte Ed25519 key (the bytes, 64 hex digits or base64)';

/** The private key to sign with: PKCS#8 PEM, or a raw 32-byte seed (or 64 bytes: seed and public key). */
export function readPrivateKey(data: Buffer, file: string): KeyObject {
  const text = data.toString('utf8');
  if (text.includes('-----BEGIN')) {
    if (!/-----BEGIN (ENCRYPTED )?PRIVATE KEY-----/.test(text))
      throw new KeyError(`${file}: is not a private key; sign needs the private key (PEM "PRIVATE KEY")`);
    try {
      return mustBeEd25519(crypto.createPrivateKey(text), file);
    } catch (e) {
      if (e instanceof KeyError) throw e;
      throw new KeyError(`${file}: cannot read the private key (${(e as Error).message})`);
    }
  }
  const raw = rawKeyBytes(data);
  if (!raw) throw new KeyError(`${file}: is not a key: expected ${KEY_FORMS}`);
  const key = crypto.createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, raw.subarray(0, 32)]), format: 'der', type: 'pkcs8' });
  if (raw.length === 64 && !rawPublicKey(crypto.createPublicKey(key)).equals(raw.subarray(32))) {
    throw new KeyError(`${file}: the 64-byte key's second half is not the public key of its first half`);
  }
  return key;
}

/** The key a bundle must be signed with: a public key (SPKI PEM or raw 32 bytes), or a private key's public half. */
export function readPublicKey(data: Buffer, file: string): KeyObject {
  const text = data.toString('utf8');
  if (text.includes('-----BEGIN')) {
    try {
      return mustBeEd25519(crypto.createPublicKey(text), file);
    } catch (e) {
      if (e instanceof KeyError) throw e;
      throw new KeyError(`${file}: cannot read the key (${(e as Error).message})`);
    }
  }
  const raw = rawKeyBytes(data);
  if (!raw || raw.length !== 32) throw new KeyError(`${file}: is not a public key: expected ${KEY_FORMS}`);
  return publicKeyFromRaw(raw);
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  return crypto.createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

function rawPublicKey(key: KeyObject): Buffer {
  const der = (key.type === 'private' ? crypto.createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

/** A short name for a key: `sha256:` and 16 hex digits of the SHA-256 of the raw public key. */
export function keyIdOf(key: KeyObject): string {
  return `sha256:${crypto.createHash('sha256').update(rawPublicKey(key)).digest('hex').slice(0, 16)}`;
}

/** A new key pair as PEM: the private key (PKCS#8, keep it secret) and the public key (SPKI, hand it out). */
export function newKeyPair(): { privatePem: string; publicPem: string; keyId: string } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

/**
 * The bundle with a signature by `privateKey` (any earlier signature replaced), as the JSON file to
 * write. `bundle` is the parsed bundle; the caller has verified it first.
 */
export function signBundle(bundle: Record<string, unknown>, privateKey: KeyObject, signer?: string): string {
  const rest: Record<string, unknown> = { ...bundle };
  delete rest.signature;
  const unsigned: Omit<BundleSignature, 'value'> = {
    algorithm: 'Ed25519',
    keyId: keyIdOf(privateKey),
    publicKey: rawPublicKey(privateKey).toString('base64'),
    ...(signer ? { signer } : {}),
  };
  const value = crypto.sign(null, Buffer.from(bundleSigningPayload(rest, unsigned), 'utf8'), privateKey).toString('base64');
  return JSON.stringify({ ...rest, signature: { ...unsigned, value } }, null, 2) + '\n';
}

export type SignatureCheck =
  | { status: 'unsigned' }
  | { status: 'valid'; keyId: string; signer?: string; trusted: boolean }
  | { status: 'invalid' | 'untrusted-key'; keyId?: string; message: string };

/**
 * Checks a bundle's signature: it must match the bundle (anything changed after signing breaks it) and,
 * when `trusted` is given, be made with that key; a signature by any other key, even a valid one, is
 * refused, since anyone can sign with a key of their own.
 */
export function checkBundleSignature(bundle: Record<string, unknown>, trusted?: KeyObject): SignatureCheck {
  const signature = bundle.signature as BundleSignature | undefined;
  if (signature === undefined) return { status: 'unsigned' };
  let publicKey: KeyObject;
  try {
    publicKey = publicKeyFromRaw(Buffer.from(signature.publicKey, 'base64'));
  } catch {
    return { status: 'invalid', message: 'the signature names a public key that is not an Ed25519 key' };
  }
  const keyId = keyIdOf(publicKey);
  if (signature.keyId !== keyId) {
    return { status: 'invalid', keyId, message: `the signature's keyId ${signature.keyId} is not the id of its public key (${keyId})` };
  }
  const rest: Record<string, unknown> = { ...bundle };
  delete rest.signature;
  const payload = Buffer.from(bundleSigningPayload(rest, signature), 'utf8');
  if (!crypto.verify(null, payload, publicKey, Buffer.from(signature.value, 'base64'))) {
    return {
      status: 'invalid',
      keyId,
      message: `the signature by key ${keyId} does not match the bundle: the bundle was changed after it was signed, or the signature is forged`,
    };
  }
  if (trusted && !rawPublicKey(trusted).equals(rawPublicKey(publicKey))) {
    return {
      status: 'untrusted-key',
      keyId,
      message: `the bundle is signed with key ${keyId}${signature.signer ? ` ("${signature.signer}")` : ''}, not with the key you trust (${keyIdOf(trusted)})`,
    };
  }
  return { status: 'valid', keyId, ...(signature.signer ? { signer: signature.signer } : {}), trusted: trusted !== undefined };
}
