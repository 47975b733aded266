/**
 * Sealing stored results behind the teacher's passphrase: a lock made from a passphrase,
 * values sealed for it without the passphrase, opened only with it, and never opened wrongly
 * whatever is changed in what is stored. Real WebCrypto (Node 20's globalThis.crypto).
 *
 * Every lock but one is made with `iterationsForTests: 1000`, so the tests stay fast; one test
 * uses the real 600,000 iterations once, to show they work (it measures nothing).
 */
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  changePassphrase,
  createLock,
  EmptyPassphraseError,
  type LockParameters,
  LockParametersError,
  lockParametersSchema,
  MAX_PBKDF2_ITERATIONS,
  MIN_TEST_ITERATIONS,
  open,
  PBKDF2_ITERATIONS,
  type SealedBox,
  SealedBoxError,
  seal,
  sealedBoxSchema,
  type UnlockedKey,
  unlock,
  WrongPassphraseError,
} from '../../src/teacher/sealing';

/* ---------------------------------------------------------------------------------------- */
/* Fixtures                                                                                 */

const FAST = { iterationsForTests: MIN_TEST_ITERATIONS } as const;
const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSPHRASE = 'Tr0ub4dor & 3, le café';

/** A value shaped like a stored result. */
const RESULT = {
  id: 'play-0001-abcd',
  scenarioId: 'toronto-police-call',
  student: 'Zoë 🦊',
  classCode: 'K7QX',
  score: 4,
  choices: [{ node: 'ring', choice: 'answer' }],
  finishedAt: '2025-03-04T09:15:00.000Z',
};

let lock: { parameters: LockParameters; key: UnlockedKey };
let otherLock: { parameters: LockParameters; key: UnlockedKey };

beforeAll(async () => {
  lock = await createLock(PASSPHRASE, FAST);
  otherLock = await createLock(PASSPHRASE, FAST);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function bytesOf(base64: string): Buffer {
  return Buffer.from(base64, 'base64');
}

/** The same base64 text with one bit flipped (the bit index wraps around the bytes). */
function flipBit(base64: string, bit: number, encoding: 'base64' | 'base64url' = 'base64'): string {
  const bytes = Buffer.from(base64, encoding);
  const at = bit % (bytes.length * 8);
  bytes[at >> 3] = (bytes[at >> 3] as number) ^ (1 << (at & 7));
  return bytes.toString(encoding);
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Every way this module reports an error, as text a screen or a log could show. */
function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name} ${error.message} ${String(error)}` : String(error);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/* ---------------------------------------------------------------------------------------- */
/* createLock                                                                               */

describe('createLock', () => {
  it('stores plain JSON parameters: PBKDF2-SHA256, a 16-byte salt, a 12-byte IV, a public key', () => {
    const { parameters } = lock;
    expect(lockParametersSchema.parse(parameters)).toEqual(parameters);
    expect(parameters.version).toBe(1);
    expect(parameters.kdf).toMatchObject({
      name: 'PBKDF2',
      hash: 'SHA-256',
      iterations: MIN_TEST_ITERATIONS,
    });
    expect(bytesOf(parameters.kdf.salt)).toHaveLength(16);
    expect(bytesOf(parameters.wrappedPrivateKey.iv)).toHaveLength(12);
    expect(Object.keys(parameters.publicKey).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(parameters.publicKey).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(JSON.stringify(parameters)).not.toContain(PASSPHRASE);
  });

  it('makes a new key pair, salt and IV every time, even for the same passphrase', () => {
    const [a, b] = [lock.parameters, otherLock.parameters];
    expect(a.publicKey).not.toEqual(b.publicKey);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.wrappedPrivateKey.iv).not.toBe(b.wrappedPrivateKey.iv);
    expect(a.wrappedPrivateKey.data).not.toBe(b.wrappedPrivateKey.data);
  });

  it('refuses fewer than 600,000 iterations unless the test-only option is set', async () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    for (const iterations of [0, 1, MIN_TEST_ITERATIONS, 100_000, PBKDF2_ITERATIONS - 1]) {
      await expect(createLock(PASSPHRASE, { iterations })).rejects.toThrow(RangeError);
    }
    for (const iterations of [Number.NaN, Number.POSITIVE_INFINITY, PBKDF2_ITERATIONS + 0.5]) {
      await expect(createLock(PASSPHRASE, { iterations })).rejects.toThrow(RangeError);
    }
    await expect(createLock(PASSPHRASE, { iterations: MAX_PBKDF2_ITERATIONS + 1 })).rejects.toThrow(
      RangeError,
    );
  });

  it('takes iterationsForTests only from 1,000, and never together with iterations', async () => {
    await expect(createLock(PASSPHRASE, { iterationsForTests: 999 })).rejects.toThrow(RangeError);
    await expect(createLock(PASSPHRASE, { iterationsForTests: 1_000.5 })).rejects.toThrow(
      RangeError,
    );
    await expect(
      createLock(PASSPHRASE, { iterations: PBKDF2_ITERATIONS, iterationsForTests: 1_000 }),
    ).rejects.toThrow(RangeError);
    const { parameters } = await createLock(PASSPHRASE, { iterationsForTests: 1_234 });
    expect(parameters.kdf.iterations).toBe(1_234);
  });

  it('refuses an empty passphrase with a clear error', async () => {
    const error = await rejection(createLock('', FAST));
    expect(error).toBeInstanceOf(EmptyPassphraseError);
    expect((error as Error).name).toBe('EmptyPassphraseError');
    expect((error as Error).message).toMatch(/empty/);
    await expect(createLock(undefined as unknown as string, FAST)).rejects.toThrow(TypeError);
  });

  it('returns a key already unlocked: it opens what is sealed for the new lock', async () => {
    const box = await seal(lock.parameters.publicKey, RESULT);
    expect(await open(lock.key, box)).toEqual(RESULT);
  });
});

/* ---------------------------------------------------------------------------------------- */
/* The unlocked key                                                                         */

describe('the unlocked key', () => {
  it('shows only the public key: the private key is no property and not in its JSON', () => {
    expect(Object.keys(lock.key)).toEqual(['publicKey']);
    expect(JSON.parse(JSON.stringify(lock.key))).toEqual({ publicKey: lock.parameters.publicKey });
    expect(Object.isFrozen(lock.key)).toBe(true);
    expect(Object.isFrozen(lock.key.publicKey)).toBe(true);
  });

  it('holds the private key as a non-extractable CryptoKey, from createLock and from unlock', async () => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');
    await createLock(PASSPHRASE, FAST);
    await unlock(lock.parameters, PASSPHRASE);
    const privateImports = importKey.mock.calls.filter((call) => call[0] === 'pkcs8');
    expect(privateImports).toHaveLength(2);
    for (const call of privateImports) expect(call[3]).toBe(false);
  });

  it('is the only thing open takes', async () => {
    const box = await seal(lock.parameters.publicKey, RESULT);
    const fake = { publicKey: lock.parameters.publicKey } as unknown as UnlockedKey;
    await expect(open(fake, box)).rejects.toThrow(TypeError);
    await expect(open(null as unknown as UnlockedKey, box)).rejects.toThrow(TypeError);
  });
});

/* ---------------------------------------------------------------------------------------- */
/* unlock                                                                                   */

describe('unlock', () => {
  it('unlocks with the passphrase', async () => {
    const box = await seal(lock.parameters.publicKey, RESULT);
    const key = await unlock(lock.parameters, PASSPHRASE);
    expect(key.publicKey).toEqual(lock.parameters.publicKey);
    expect(await open(key, box)).toEqual(RESULT);
  });

  it('refuses any other passphrase with WrongPassphraseError, naming no passphrase', async () => {
    const near = [
      'Correct horse battery staple',
      'correct horse battery staple ',
      ' correct horse battery staple',
      'correct horse battery stapl',
      'correcthorsebatterystaple',
    ];
    for (const wrong of near) {
      const error = await rejection(unlock(lock.parameters, wrong));
      expect(error).toBeInstanceOf(WrongPassphraseError);
      expect((error as Error).name).toBe('WrongPassphraseError');
      expect(errorText(error)).not.toContain(wrong.trim());
      expect(errorText(error)).not.toContain(PASSPHRASE);
    }
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
          .filter((text) => text.normalize('NFC') !== PASSPHRASE),
        async (wrong) => {
          const error = await rejection(unlock(lock.parameters, wrong));
          expect(error).toBeInstanceOf(WrongPassphraseError);
          // The same words whatever was typed: nothing of the passphrase reaches the message.
          expect((error as Error).message).toBe(new WrongPassphraseError().message);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses an empty passphrase with EmptyPassphraseError', async () => {
    await expect(unlock(lock.parameters, '')).rejects.toThrow(EmptyPassphraseError);
  });

  it('refuses malformed parameters with LockParametersError, naming no passphrase', async () => {
    const p = lock.parameters;
    const malformed: unknown[] = [
      null,
      undefined,
      'parameters',
      {},
      [],
      { ...p, version: 2 },
      { ...p, extra: true },
      { ...p, kdf: { ...p.kdf, name: 'scrypt' } },
      { ...p, kdf: { ...p.kdf, hash: 'SHA-1' } },
      { ...p, kdf: { ...p.kdf, iterations: MIN_TEST_ITERATIONS - 1 } },
      { ...p, kdf: { ...p.kdf, iterations: 600_000.5 } },
      { ...p, kdf: { ...p.kdf, iterations: '600000' } },
      { ...p, kdf: { ...p.kdf, iterations: MAX_PBKDF2_ITERATIONS + 1 } },
      { ...p, kdf: { ...p.kdf, salt: 'not base64!' } },
      { ...p, kdf: { ...p.kdf, salt: Buffer.alloc(12).toString('base64') } },
      { ...p, kdf: { ...p.kdf, salt: p.kdf.salt.replace(/=+$/, '') } },
      { ...p, kdf: { ...p.kdf, salt: `${p.kdf.salt.slice(0, 21)}B==` } },
      { ...p, publicKey: { ...p.publicKey, crv: 'P-384' } },
      { ...p, publicKey: { ...p.publicKey, d: p.publicKey.x } },
      { ...p, publicKey: { ...p.publicKey, x: p.publicKey.x.slice(1) } },
      {
        ...p,
        wrappedPrivateKey: { ...p.wrappedPrivateKey, iv: Buffer.alloc(16).toString('base64') },
      },
      {
        ...p,
        wrappedPrivateKey: { ...p.wrappedPrivateKey, data: Buffer.alloc(16).toString('base64') },
      },
      { ...p, wrappedPrivateKey: { iv: p.wrappedPrivateKey.iv } },
    ];
    for (const parameters of malformed) {
      const error = await rejection(unlock(parameters as LockParameters, PASSPHRASE));
      expect(error, JSON.stringify(parameters)).toBeInstanceOf(LockParametersError);
      expect((error as Error).name).toBe('LockParametersError');
      expect(errorText(error)).not.toContain(PASSPHRASE);
    }
  });

  it('never unlocks parameters changed in any other way', async () => {
    const p = lock.parameters;
    const changed: LockParameters[] = [
      { ...p, kdf: { ...p.kdf, iterations: p.kdf.iterations + 1 } },
      { ...p, kdf: { ...p.kdf, salt: otherLock.parameters.kdf.salt } },
      { ...p, publicKey: otherLock.parameters.publicKey },
      {
        ...p,
        wrappedPrivateKey: {
          ...p.wrappedPrivateKey,
          iv: otherLock.parameters.wrappedPrivateKey.iv,
        },
      },
      { ...p, wrappedPrivateKey: otherLock.parameters.wrappedPrivateKey },
    ];
    for (const parameters of changed) {
      await expect(unlock(parameters, PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
    }
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (bit) => {
        const data = flipBit(p.wrappedPrivateKey.data, bit);
        const parameters = { ...p, wrappedPrivateKey: { ...p.wrappedPrivateKey, data } };
        await expect(unlock(parameters, PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
      }),
      { numRuns: 25 },
    );
  });
});

/* ---------------------------------------------------------------------------------------- */
/* Passphrases                                                                              */

describe('passphrases', () => {
  it('are normalised to NFC: the same words typed composed or decomposed unlock the same lock', async () => {
    const composed = 'Crème brûlée, 密码, Ångström ☕';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const made = await createLock(decomposed, FAST);
    const box = await seal(made.parameters.publicKey, RESULT);
    expect(await open(await unlock(made.parameters, composed), box)).toEqual(RESULT);
    expect(await open(await unlock(made.parameters, decomposed), box)).toEqual(RESULT);
    await expect(unlock(made.parameters, 'Creme brulee, 密码, Angstrom ☕')).rejects.toThrow(
      WrongPassphraseError,
    );
  });

  it('may be any Unicode text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
        async (pass) => {
          const made = await createLock(pass, FAST);
          const box = await seal(made.parameters.publicKey, RESULT);
          expect(await open(await unlock(made.parameters, pass), box)).toEqual(RESULT);
          expect(await open(await unlock(made.parameters, pass.normalize('NFD')), box)).toEqual(
            RESULT,
          );
        },
      ),
      { numRuns: 20 },
    );
  });
});

/* ---------------------------------------------------------------------------------------- */
/* seal and open                                                                            */

describe('seal and open', () => {
  it('give back any JSON value, as JSON gives it back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const box = await seal(lock.parameters.publicKey, value);
        expect(sealedBoxSchema.parse(box)).toEqual(box);
        expect(await open(lock.key, box)).toEqual(jsonCopy(value));
        expect(await open(lock.key, jsonCopy(box))).toEqual(jsonCopy(value));
      }),
      { numRuns: 60 },
    );
  });

  it('give back values JSON changes exactly as JSON changes them', async () => {
    const value = { a: undefined, b: Number.NaN, c: -0, d: new Date(0), e: [undefined] };
    const box = await seal(lock.parameters.publicKey, value);
    expect(await open(lock.key, box)).toEqual(jsonCopy(value));
  });

  it('seal large values', async () => {
    const value = {
      text: 'é🦊'.repeat(200_000),
      numbers: Array.from({ length: 5_000 }, (_, i) => i),
    };
    const box = await seal(lock.parameters.publicKey, value);
    expect(await open(lock.key, box)).toEqual(value);
  });

  it('store nothing of the value in the clear', async () => {
    const box = await seal(lock.parameters.publicKey, RESULT);
    const stored = JSON.stringify(box);
    for (const text of [RESULT.id, RESULT.scenarioId, RESULT.student, 'finishedAt']) {
      expect(stored).not.toContain(text);
    }
    expect(Object.keys(box).sort()).toEqual(['data', 'epk', 'iv', 'v']);
    expect(box.v).toBe(1);
    expect(bytesOf(box.iv)).toHaveLength(12);
  });

  it('use a fresh IV and a fresh ephemeral key for every seal', async () => {
    const boxes = await Promise.all(
      Array.from({ length: 20 }, () => seal(lock.parameters.publicKey, RESULT)),
    );
    expect(new Set(boxes.map((box) => box.iv)).size).toBe(20);
    expect(new Set(boxes.map((box) => box.epk.x)).size).toBe(20);
    expect(new Set(boxes.map((box) => box.data)).size).toBe(20);
    for (const box of boxes) expect(await open(lock.key, box)).toEqual(RESULT);
  });

  it('seal with the public key from the parameters, from the key, or as WebCrypto exports it', async () => {
    const exported = { ...lock.parameters.publicKey, ext: true, key_ops: [] };
    for (const publicKey of [lock.parameters.publicKey, lock.key.publicKey, exported]) {
      expect(await open(lock.key, await seal(publicKey, RESULT))).toEqual(RESULT);
    }
  });

  it('refuse a public key that is not an ECDH P-256 public key', async () => {
    const pub = lock.parameters.publicKey;
    const bad: unknown[] = [
      null,
      {},
      { ...pub, crv: 'P-384' },
      { ...pub, kty: 'RSA' },
      { ...pub, x: undefined },
      { ...pub, d: pub.x },
      { ...pub, x: 'A'.repeat(43), y: 'A'.repeat(43) },
    ];
    for (const publicKey of bad) {
      await expect(seal(publicKey as JsonWebKey, RESULT)).rejects.toThrow(LockParametersError);
    }
  });

  it('refuse values JSON cannot write', async () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const value of [undefined, () => 1, Symbol('s'), 1n, cycle]) {
      await expect(seal(lock.parameters.publicKey, value)).rejects.toThrow(TypeError);
    }
  });

  it('open nothing sealed for another lock', async () => {
    const box = await seal(otherLock.parameters.publicKey, RESULT);
    await expect(open(lock.key, box)).rejects.toThrow(SealedBoxError);
    expect(await open(otherLock.key, box)).toEqual(RESULT);
  });
});

/* ---------------------------------------------------------------------------------------- */
/* Tampering                                                                                */

describe('a tampered box', () => {
  let box: SealedBox;
  let another: SealedBox;

  beforeAll(async () => {
    box = await seal(lock.parameters.publicKey, RESULT);
    another = await seal(lock.parameters.publicKey, RESULT);
  });

  async function expectRefused(tampered: unknown): Promise<void> {
    const error = await rejection(open(lock.key, tampered as SealedBox));
    expect(error, JSON.stringify(tampered)).toBeInstanceOf(SealedBoxError);
    expect((error as Error).name).toBe('SealedBoxError');
  }

  it('is refused when any bit of its data changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (bit) => {
        await expectRefused({ ...box, data: flipBit(box.data, bit) });
      }),
      { numRuns: 60 },
    );
  });

  it('is refused when any bit of its IV changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 12 * 8 - 1 }), async (bit) => {
        await expectRefused({ ...box, iv: flipBit(box.iv, bit) });
      }),
      { numRuns: 50 },
    );
  });

  it('is refused when any bit of its ephemeral key changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('x', 'y'), fc.nat({ max: 32 * 8 - 1 }), async (at, bit) => {
        const epk = { ...box.epk, [at]: flipBit(box.epk[at], bit, 'base64url') };
        await expectRefused({ ...box, epk });
      }),
      { numRuns: 50 },
    );
  });

  it('is refused when parts of two boxes are mixed', async () => {
    await expectRefused({ ...box, epk: another.epk });
    await expectRefused({ ...box, iv: another.iv });
    await expectRefused({ ...box, data: another.data });
    await expectRefused({ ...box, epk: lock.parameters.publicKey });
  });

  it('is refused when its data is cut short or lengthened', async () => {
    const data = bytesOf(box.data);
    await expectRefused({ ...box, data: data.subarray(0, data.length - 1).toString('base64') });
    await expectRefused({ ...box, data: data.subarray(1).toString('base64') });
    await expectRefused({ ...box, data: Buffer.concat([data, Buffer.of(0)]).toString('base64') });
    await expectRefused({ ...box, data: data.subarray(0, 16).toString('base64') });
    await expectRefused({ ...box, data: '' });
  });

  it('is refused when it is malformed', async () => {
    const malformed: unknown[] = [
      null,
      'box',
      {},
      { ...box, v: 2 },
      { ...box, extra: 1 },
      { v: box.v, epk: box.epk, iv: box.iv },
      { ...box, iv: `${box.iv}AAAA` },
      { ...box, data: `${box.data} ` },
      { ...box, data: box.data.slice(0, -1) },
      { ...box, epk: { ...box.epk, d: box.epk.x } },
      { ...box, epk: { ...box.epk, crv: 'P-521' } },
      { ...box, epk: { ...box.epk, x: 'A'.repeat(43), y: 'A'.repeat(43) } },
    ];
    for (const tampered of malformed) await expectRefused(tampered);
  });

  it('still opens when untouched', async () => {
    expect(await open(lock.key, box)).toEqual(RESULT);
    expect(await open(lock.key, another)).toEqual(RESULT);
  });
});

/* ---------------------------------------------------------------------------------------- */
/* changePassphrase                                                                         */

describe('changePassphrase', () => {
  it('keeps old boxes readable with the new passphrase, and not with the old one', async () => {
    const made = await createLock(PASSPHRASE, FAST);
    const values = [RESULT, [1, 2, 3], 'a nickname', null];
    const boxes = await Promise.all(values.map((value) => seal(made.parameters.publicKey, value)));

    const changed = await changePassphrase(made.parameters, PASSPHRASE, NEW_PASSPHRASE, FAST);
    expect(lockParametersSchema.parse(changed)).toEqual(changed);
    expect(changed.publicKey).toEqual(made.parameters.publicKey);
    expect(changed.kdf.salt).not.toBe(made.parameters.kdf.salt);
    expect(changed.wrappedPrivateKey.iv).not.toBe(made.parameters.wrappedPrivateKey.iv);
    expect(changed.wrappedPrivateKey.data).not.toBe(made.parameters.wrappedPrivateKey.data);
    expect(JSON.stringify(changed)).not.toContain(NEW_PASSPHRASE);

    const key = await unlock(jsonCopy(changed), NEW_PASSPHRASE);
    for (const [index, box] of boxes.entries()) {
      expect(await open(key, box)).toEqual(values[index]);
    }
    await expect(unlock(changed, PASSPHRASE)).rejects.toThrow(WrongPassphraseError);

    // What is sealed afterwards, with the same public key, opens too.
    expect(await open(key, await seal(changed.publicKey, RESULT))).toEqual(RESULT);
  });

  it('can change the passphrase again, and back', async () => {
    const made = await createLock(PASSPHRASE, FAST);
    const box = await seal(made.parameters.publicKey, RESULT);
    const once = await changePassphrase(made.parameters, PASSPHRASE, NEW_PASSPHRASE, FAST);
    const twice = await changePassphrase(once, NEW_PASSPHRASE.normalize('NFD'), PASSPHRASE, FAST);
    await expect(unlock(twice, NEW_PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
    expect(await open(await unlock(twice, PASSPHRASE), box)).toEqual(RESULT);
  });

  it('refuses a wrong old passphrase, an empty new one, malformed parameters and weak counts', async () => {
    const p = lock.parameters;
    await expect(changePassphrase(p, 'wrong', NEW_PASSPHRASE, FAST)).rejects.toThrow(
      WrongPassphraseError,
    );
    await expect(changePassphrase(p, PASSPHRASE, '', FAST)).rejects.toThrow(EmptyPassphraseError);
    await expect(changePassphrase(p, '', NEW_PASSPHRASE, FAST)).rejects.toThrow(
      EmptyPassphraseError,
    );
    await expect(
      changePassphrase({ ...p, version: 2 } as unknown as LockParameters, PASSPHRASE, 'x', FAST),
    ).rejects.toThrow(LockParametersError);
    await expect(
      changePassphrase(p, PASSPHRASE, NEW_PASSPHRASE, { iterations: MIN_TEST_ITERATIONS }),
    ).rejects.toThrow(RangeError);
  });
});

/* ---------------------------------------------------------------------------------------- */
/* Stored as JSON                                                                           */

describe('what is stored', () => {
  it('survives JSON.stringify and JSON.parse, and structuredClone', async () => {
    const box = await seal(lock.parameters.publicKey, RESULT);
    for (const copy of [jsonCopy(lock.parameters), structuredClone(lock.parameters)]) {
      expect(copy).toEqual(lock.parameters);
      expect(lockParametersSchema.parse(copy)).toEqual(lock.parameters);
      const key = await unlock(copy, PASSPHRASE);
      expect(await open(key, jsonCopy(box))).toEqual(RESULT);
      expect(await open(key, structuredClone(box))).toEqual(RESULT);
      expect(await open(lock.key, await seal(copy.publicKey, RESULT))).toEqual(RESULT);
    }
  });
});

/* ---------------------------------------------------------------------------------------- */
/* The real iteration count                                                                 */

describe('with the real 600,000 iterations', () => {
  it('creates, unlocks and opens', { timeout: 60_000 }, async () => {
    const made = await createLock(PASSPHRASE);
    expect(made.parameters.kdf.iterations).toBe(PBKDF2_ITERATIONS);
    const box = await seal(made.parameters.publicKey, RESULT);
    const key = await unlock(jsonCopy(made.parameters), PASSPHRASE);
    expect(await open(key, box)).toEqual(RESULT);
  });
});
