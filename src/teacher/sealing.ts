/**
 * Sealing: stored student results encrypted at rest on a teacher's device, behind an optional
 * passphrase. Students write results on a shared device without knowing the passphrase, so the
 * scheme is hybrid (public-key), with nothing beyond WebCrypto:
 *
 * - The lock: an ECDH P-256 key pair. Its public key is stored in the clear, in the lock's
 *   parameters, beside the data; anyone can seal with it. Its private key is stored only
 *   encrypted ("wrapped"): AES-GCM 256 under a key derived from the passphrase with
 *   PBKDF2-SHA256 (PBKDF2_ITERATIONS = 600,000 by default), a fresh 16-byte salt and a fresh
 *   12-byte IV each time it is wrapped. The additional data of that encryption names the
 *   iteration count, the salt and the public key, so none of them can be swapped unnoticed.
 * - A sealed box (one write): a fresh ephemeral ECDH key pair, ECDH with the lock's public key,
 *   HKDF-SHA256 of the shared secret (its info names both public keys) to an AES-GCM 256 key,
 *   a fresh 12-byte IV, and the UTF-8 JSON of the value. Only the lock's private key, that is
 *   only someone who knows the passphrase, can open it.
 * - changePassphrase wraps the same private key again under the new passphrase (fresh salt,
 *   fresh IV), so everything sealed before stays readable, with the new passphrase only.
 *
 * The passphrase is normalised to NFC before it is used (the same words typed on two keyboards
 * give the same key) and encoded as UTF-8; an empty passphrase is refused. It appears in no
 * error message. A forgotten passphrase cannot be recovered: nothing here, nor anyone, can open
 * the sealed results without it. The teacher screens must say so plainly when a passphrase is
 * set (that text belongs to the locales, not to this module).
 *
 * Everything stored (LockParameters, SealedBox) is plain JSON, checked with zod when read:
 * malformed parameters throw LockParametersError, a malformed or tampered box SealedBoxError.
 * AES-GCM cannot tell a wrong passphrase from tampered lock parameters that still parse (a
 * changed salt, count, IV or public key): both throw WrongPassphraseError.
 *
 * WebCrypto needs a secure context in browsers (https, localhost or file:); Node 20 has it as
 * globalThis.crypto.
 */
import { z } from '../engine/zod';

/** PBKDF2-SHA256 iterations createLock and changePassphrase use unless told otherwise. */
export const PBKDF2_ITERATIONS = 600_000;
/**
 * The fewest iterations lockParametersSchema accepts, so that parameters made for tests (see
 * LockOptions.iterationsForTests) still parse; createLock refuses fewer than PBKDF2_ITERATIONS
 * unless that test-only option is set.
 */
export const MIN_TEST_ITERATIONS = 1_000;
/**
 * The most iterations anything here accepts: parameters naming more would keep unlock busy for
 * minutes rather than seconds.
 */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const LOCK_PARAMETERS_VERSION = 1;
export const SEALED_BOX_VERSION = 1;

const SALT_BYTES = 16;
const IV_BYTES = 12;
/** The AES-GCM authentication tag that ends every ciphertext. */
const TAG_BYTES = 16;
/** A P-256 PKCS8 private key is about 140 bytes; anything this large is not one. */
const MAX_WRAPPED_KEY_BYTES = 1024;
const ECDH_P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;
const AES_GCM_256 = { name: 'AES-GCM', length: 256 } as const;
const WRAP_CONTEXT = 'red-flags/lock/v1';
const BOX_CONTEXT = 'red-flags/sealed-box/v1';

/* ---------------------------------------------------------------------------------------- */
/* Errors                                                                                   */

/** The passphrase does not unlock these parameters (or the parameters were tampered with). */
export class WrongPassphraseError extends Error {
  override readonly name = 'WrongPassphraseError';
  constructor() {
    super('The passphrase does not unlock these results.');
  }
}

/** The lock parameters (or a public key given to seal) are malformed. */
export class LockParametersError extends Error {
  override readonly name = 'LockParametersError';
  constructor(detail: string) {
    super(`The lock parameters are not valid: ${detail}.`);
  }
}

/** A sealed box is malformed, was tampered with, or was not sealed for this lock. */
export class SealedBoxError extends Error {
  override readonly name = 'SealedBoxError';
  constructor(detail: string) {
    super(`The sealed result cannot be opened: ${detail}.`);
  }
}

/** A passphrase that is empty (after NFC normalisation) was given. */
export class EmptyPassphraseError extends Error {
  override readonly name = 'EmptyPassphraseError';
  constructor() {
    super('The passphrase is empty: a passphrase needs at least one character.');
  }
}

/* ---------------------------------------------------------------------------------------- */
/* Base64                                                                                   */

const BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;

/** Standard base64 with padding. */
function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The bytes of canonical, padded, standard base64; undefined for anything else. */
function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 !== 0 || !BASE64_CHARACTERS.test(text)) return undefined;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // Only one text encodes given bytes: no stray bits in the last character.
  return encodeBase64(bytes) === text ? bytes : undefined;
}

function base64Schema(what: string, fits: (byteLength: number) => boolean) {
  return z.string().refine(
    (text) => {
      const bytes = decodeBase64(text);
      return bytes !== undefined && fits(bytes.length);
    },
    { message: `${what} must be canonical base64 of the right length` },
  );
}

/* ---------------------------------------------------------------------------------------- */
/* Schemas                                                                                  */

/**
 * A P-256 coordinate as a JWK writes it: base64url of 32 bytes, 43 characters, the last one's
 * two spare bits zero.
 */
const coordinateSchema = z.string().regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/);

/** The public half of an ECDH P-256 key, as JWK, with nothing else. */
export const publicKeyJwkSchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: coordinateSchema,
  y: coordinateSchema,
});
export type PublicKeyJwk = z.infer<typeof publicKeyJwkSchema>;

const ivSchema = base64Schema('iv', (n) => n === IV_BYTES);

/**
 * The lock, stored in the clear beside the sealed data. Iterations are checked against
 * MIN_TEST_ITERATIONS (1,000), not PBKDF2_ITERATIONS, so that parameters made by tests parse;
 * createLock and changePassphrase are what refuse fewer than 600,000 outside tests.
 */
export const lockParametersSchema = z.strictObject({
  version: z.literal(LOCK_PARAMETERS_VERSION),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.int().min(MIN_TEST_ITERATIONS).max(MAX_PBKDF2_ITERATIONS),
    salt: base64Schema('salt', (n) => n === SALT_BYTES),
  }),
  publicKey: publicKeyJwkSchema,
  wrappedPrivateKey: z.strictObject({
    iv: ivSchema,
    data: base64Schema('wrapped key', (n) => n > TAG_BYTES && n <= MAX_WRAPPED_KEY_BYTES),
  }),
});
export type LockParameters = z.infer<typeof lockParametersSchema>;

/** One sealed value: what a student's device stores instead of the value. */
export const sealedBoxSchema = z.strictObject({
  v: z.literal(SEALED_BOX_VERSION),
  /** The ephemeral public key of this one write. */
  epk: publicKeyJwkSchema,
  iv: ivSchema,
  /** AES-GCM ciphertext and tag of the UTF-8 JSON of the value; JSON is never empty. */
  data: base64Schema('data', (n) => n > TAG_BYTES),
});
export type SealedBox = z.infer<typeof sealedBoxSchema>;

/* ---------------------------------------------------------------------------------------- */
/* Options and the unlocked key                                                             */

export interface LockOptions {
  /**
   * PBKDF2-SHA256 iterations: an integer from PBKDF2_ITERATIONS (600,000) to
   * MAX_PBKDF2_ITERATIONS. createLock uses PBKDF2_ITERATIONS by default; changePassphrase keeps
   * the old count if it was higher.
   */
  readonly iterations?: number;
  /**
   * TESTS ONLY: any count from MIN_TEST_ITERATIONS (1,000), so that tests stay fast. Never set
   * it in the game. Cannot be combined with `iterations`.
   */
  readonly iterationsForTests?: number;
}

/**
 * The lock's private key, unlocked for this session: a non-extractable CryptoKey that nothing
 * outside this module can reach (it is not a property; JSON.stringify shows only the public
 * key). Keep it in memory only; drop it to lock again.
 */
class UnlockedKey {
  /** The lock's public key: seal(key.publicKey, value) seals for this lock. */
  readonly publicKey: PublicKeyJwk;
  readonly #privateKey: CryptoKey;

  constructor(privateKey: CryptoKey, publicKey: PublicKeyJwk) {
    this.#privateKey = privateKey;
    this.publicKey = Object.freeze({ ...publicKey });
    Object.freeze(this);
  }

  static privateKeyOf(key: unknown): CryptoKey {
    if (typeof key !== 'object' || key === null || !(#privateKey in key)) {
      throw new TypeError('open needs the key that createLock or unlock returned.');
    }
    return (key as UnlockedKey).#privateKey;
  }
}

export type { UnlockedKey };

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                  */

function subtle(): SubtleCrypto {
  const found = globalThis.crypto?.subtle;
  if (found === undefined) {
    throw new Error('WebCrypto is not available here: the page must be served securely.');
  }
  return found;
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

const encoder = new TextEncoder();

/** The passphrase in NFC; refuses what is not a string or is empty. */
function normalisePassphrase(passphrase: string): string {
  if (typeof passphrase !== 'string') throw new TypeError('The passphrase must be a string.');
  const normalised = passphrase.normalize('NFC');
  if (normalised.length === 0) throw new EmptyPassphraseError();
  return normalised;
}

function resolveIterations(options: LockOptions | undefined, fallback: number): number {
  const iterations = options?.iterations;
  const forTests = options?.iterationsForTests;
  if (iterations !== undefined && forTests !== undefined) {
    throw new RangeError('Give either iterations or iterationsForTests, not both.');
  }
  if (forTests !== undefined) {
    if (!Number.isSafeInteger(forTests) || forTests < MIN_TEST_ITERATIONS) {
      throw new RangeError(
        `iterationsForTests must be an integer of at least ${MIN_TEST_ITERATIONS}.`,
      );
    }
    if (forTests > MAX_PBKDF2_ITERATIONS) {
      throw new RangeError(`iterationsForTests must be at most ${MAX_PBKDF2_ITERATIONS}.`);
    }
    return forTests;
  }
  const chosen = iterations ?? fallback;
  if (!Number.isSafeInteger(chosen) || chosen < PBKDF2_ITERATIONS) {
    throw new RangeError(
      `PBKDF2 needs an integer of at least ${PBKDF2_ITERATIONS} iterations (iterationsForTests is for tests only).`,
    );
  }
  if (chosen > MAX_PBKDF2_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be at most ${MAX_PBKDF2_ITERATIONS}.`);
  }
  return chosen;
}

/** The AES-GCM key that wraps the private key, from the (normalised) passphrase. */
async function deriveWrappingKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const secret = encoder.encode(passphrase);
  let base: CryptoKey;
  try {
    base = await subtle().importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
  } finally {
    secret.fill(0);
  }
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    AES_GCM_256,
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The additional data of the wrapping: what must not change while the key stays wrapped. */
function wrapAdditionalData(
  kdf: LockParameters['kdf'],
  publicKey: PublicKeyJwk,
): Uint8Array<ArrayBuffer> {
  return encoder.encode(
    JSON.stringify([WRAP_CONTEXT, kdf.iterations, kdf.salt, publicKey.x, publicKey.y]),
  );
}

/** Wraps the PKCS8 private key under the passphrase, with a fresh salt and IV. */
async function wrapPrivateKey(
  pkcs8: Uint8Array<ArrayBuffer>,
  passphrase: string,
  iterations: number,
  publicKey: PublicKeyJwk,
): Promise<LockParameters> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const kdf = {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations,
    salt: encodeBase64(salt),
  } as const;
  const wrappingKey = await deriveWrappingKey(passphrase, salt, iterations);
  const data = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: wrapAdditionalData(kdf, publicKey) },
    wrappingKey,
    pkcs8,
  );
  return {
    version: LOCK_PARAMETERS_VERSION,
    kdf,
    publicKey: { kty: 'EC', crv: 'P-256', x: publicKey.x, y: publicKey.y },
    wrappedPrivateKey: { iv: encodeBase64(iv), data: encodeBase64(new Uint8Array(data)) },
  };
}

function readLockParameters(parameters: unknown): LockParameters {
  const parsed = lockParametersSchema.safeParse(parameters);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : `${issue.path.join('.')}: `;
    throw new LockParametersError(`${where}${issue?.message ?? 'malformed'}`);
  }
  return parsed.data;
}

/** Checks the parameters, then decrypts the PKCS8 private key with the passphrase. */
async function unwrapPrivateKey(
  parameters: unknown,
  passphrase: string,
): Promise<{ lock: LockParameters; pkcs8: Uint8Array<ArrayBuffer> }> {
  const lock = readLockParameters(parameters);
  const normalised = normalisePassphrase(passphrase);
  // The schema has checked that all three decode.
  const salt = decodeBase64(lock.kdf.salt) as Uint8Array<ArrayBuffer>;
  const iv = decodeBase64(lock.wrappedPrivateKey.iv) as Uint8Array<ArrayBuffer>;
  const data = decodeBase64(lock.wrappedPrivateKey.data) as Uint8Array<ArrayBuffer>;
  const wrappingKey = await deriveWrappingKey(normalised, salt, lock.kdf.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv, additionalData: wrapAdditionalData(lock.kdf, lock.publicKey) },
      wrappingKey,
      data,
    );
  } catch {
    throw new WrongPassphraseError();
  }
  return { lock, pkcs8: new Uint8Array(plain) };
}

/** Imports the PKCS8 private key as a non-extractable key. */
async function importPrivateKey(
  pkcs8: Uint8Array<ArrayBuffer>,
  publicKey: PublicKeyJwk,
): Promise<UnlockedKey> {
  let privateKey: CryptoKey;
  try {
    privateKey = await subtle().importKey('pkcs8', pkcs8, ECDH_P256, false, ['deriveBits']);
  } catch {
    throw new LockParametersError('the private key cannot be read');
  }
  return new UnlockedKey(privateKey, publicKey);
}

/** The public JWK with only its four fields, or undefined when it is not a P-256 public key. */
function toPublicKeyJwk(jwk: unknown): PublicKeyJwk | undefined {
  if (typeof jwk !== 'object' || jwk === null || 'd' in jwk) return undefined;
  const { kty, crv, x, y } = jwk as Record<string, unknown>;
  const parsed = publicKeyJwkSchema.safeParse({ kty, crv, x, y });
  return parsed.success ? parsed.data : undefined;
}

function importPublicKey(jwk: PublicKeyJwk): Promise<CryptoKey> {
  return subtle().importKey('jwk', { ...jwk, ext: true }, ECDH_P256, true, []);
}

async function exportPublicKey(key: CryptoKey): Promise<PublicKeyJwk> {
  const jwk = toPublicKeyJwk(await subtle().exportKey('jwk', key));
  if (jwk === undefined) throw new Error('WebCrypto exported an unexpected public key.');
  return jwk;
}

/**
 * The AES-GCM key of one box: ECDH between one side's private key and the other side's public
 * key, then HKDF-SHA256 whose info names the box format and both public keys.
 */
async function boxKey(
  privateKey: CryptoKey,
  otherPublicKey: CryptoKey,
  ephemeral: PublicKeyJwk,
  recipient: PublicKeyJwk,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  const shared = new Uint8Array(
    await subtle().deriveBits({ name: 'ECDH', public: otherPublicKey }, privateKey, 256),
  );
  let material: CryptoKey;
  try {
    material = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  } finally {
    shared.fill(0);
  }
  const info = encoder.encode(
    JSON.stringify([BOX_CONTEXT, ephemeral.x, ephemeral.y, recipient.x, recipient.y]),
  );
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info },
    material,
    AES_GCM_256,
    false,
    [usage],
  );
}

/* ---------------------------------------------------------------------------------------- */
/* The API                                                                                  */

/**
 * Makes a new lock for a passphrase: its parameters, to store beside the data, and its key,
 * already unlocked for this session. Throws EmptyPassphraseError for an empty passphrase and
 * RangeError for iterations out of range (fewer than 600,000 need iterationsForTests).
 */
export async function createLock(
  passphrase: string,
  options?: LockOptions,
): Promise<{ parameters: LockParameters; key: UnlockedKey }> {
  const normalised = normalisePassphrase(passphrase);
  const iterations = resolveIterations(options, PBKDF2_ITERATIONS);
  const pair = await subtle().generateKey(ECDH_P256, true, ['deriveBits']);
  const publicKey = await exportPublicKey(pair.publicKey);
  const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
  try {
    const parameters = await wrapPrivateKey(pkcs8, normalised, iterations, publicKey);
    const key = await importPrivateKey(pkcs8, publicKey);
    return { parameters, key };
  } finally {
    pkcs8.fill(0);
  }
}

/**
 * Unlocks a lock with its passphrase. Throws LockParametersError for malformed parameters,
 * EmptyPassphraseError for an empty passphrase and WrongPassphraseError when the passphrase
 * does not unlock them.
 */
export async function unlock(parameters: LockParameters, passphrase: string): Promise<UnlockedKey> {
  const { lock, pkcs8 } = await unwrapPrivateKey(parameters, passphrase);
  try {
    return await importPrivateKey(pkcs8, lock.publicKey);
  } finally {
    pkcs8.fill(0);
  }
}

/**
 * Seals a JSON value for the lock whose public key is given (LockParameters.publicKey, or an
 * UnlockedKey's publicKey); needs no passphrase. Every call uses a fresh ephemeral key pair and
 * a fresh IV. Throws LockParametersError when the public key is not an ECDH P-256 public key,
 * and TypeError when the value cannot be written as JSON (undefined, a function, a BigInt, a
 * cycle). What JSON changes is changed: open gives back JSON.parse(JSON.stringify(value)).
 */
export async function seal(publicKey: JsonWebKey, value: unknown): Promise<SealedBox> {
  const recipient = toPublicKeyJwk(publicKey);
  if (recipient === undefined) throw new LockParametersError('publicKey: not a P-256 public key');
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new TypeError('The value cannot be written as JSON.');
  let recipientKey: CryptoKey;
  try {
    recipientKey = await importPublicKey(recipient);
  } catch {
    throw new LockParametersError('publicKey: not a point on P-256');
  }
  const ephemeralPair = await subtle().generateKey(ECDH_P256, false, ['deriveBits']);
  const epk = await exportPublicKey(ephemeralPair.publicKey);
  const key = await boxKey(ephemeralPair.privateKey, recipientKey, epk, recipient, 'encrypt');
  const iv = randomBytes(IV_BYTES);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(text));
  return {
    v: SEALED_BOX_VERSION,
    epk,
    iv: encodeBase64(iv),
    data: encodeBase64(new Uint8Array(data)),
  };
}

/**
 * Opens a sealed box with the unlocked key: the JSON value it holds. Throws SealedBoxError when
 * the box is malformed, was changed in any way, or was sealed for another lock; it never
 * returns anything but what was sealed. Throws TypeError when `key` is not an UnlockedKey.
 */
export async function open(key: UnlockedKey, box: SealedBox): Promise<unknown> {
  const privateKey = UnlockedKey.privateKeyOf(key);
  const parsed = sealedBoxSchema.safeParse(box);
  if (!parsed.success) throw new SealedBoxError('it is malformed');
  const { epk } = parsed.data;
  const iv = decodeBase64(parsed.data.iv) as Uint8Array<ArrayBuffer>;
  const data = decodeBase64(parsed.data.data) as Uint8Array<ArrayBuffer>;
  let plain: ArrayBuffer;
  try {
    const ephemeralKey = await importPublicKey(epk);
    const aesKey = await boxKey(privateKey, ephemeralKey, epk, key.publicKey, 'decrypt');
    plain = await subtle().decrypt({ name: 'AES-GCM', iv }, aesKey, data);
  } catch {
    throw new SealedBoxError('it was changed, or sealed for another lock');
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    throw new SealedBoxError('it does not hold JSON');
  }
}

/**
 * The same lock under a new passphrase: the same key pair (everything sealed before stays
 * readable, with the new passphrase only), wrapped again with a fresh salt and IV. Keeps the
 * old iteration count when it is above PBKDF2_ITERATIONS unless options say otherwise. Throws as
 * unlock does for the old passphrase, and EmptyPassphraseError for an empty new one (checked
 * before any work).
 */
export async function changePassphrase(
  parameters: LockParameters,
  oldPassphrase: string,
  newPassphrase: string,
  options?: LockOptions,
): Promise<LockParameters> {
  const lock = readLockParameters(parameters);
  normalisePassphrase(oldPassphrase);
  const normalisedNew = normalisePassphrase(newPassphrase);
  const iterations = resolveIterations(options, Math.max(lock.kdf.iterations, PBKDF2_ITERATIONS));
  const { pkcs8 } = await unwrapPrivateKey(lock, oldPassphrase);
  try {
    // The key must still import: never re-wrap something unlock could not use.
    await importPrivateKey(pkcs8, lock.publicKey);
    return await wrapPrivateKey(pkcs8, normalisedNew, iterations, lock.publicKey);
  } finally {
    pkcs8.fill(0);
  }
}
