// Password hashes with node:crypto scrypt, asynchronous so a sign-in never blocks the server.
// Stored as "scrypt$<N>$<r>$<p>$<salt hex>$<hash hex>", so the cost can rise later without
// invalidating what is stored. The first format, "scrypt$<salt hex>$<hash hex>" (N=2^14, r=8,
// p=1), is still verified so that existing databases keep working.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 64;
const SALT_LENGTH = 16;
/** Today's recommended cost (OWASP): N=2^17, r=8, p=1, about 128 MiB per hash. */
export const SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const LEGACY_COST = { N: 2 ** 14, r: 8, p: 1 } as const;
// The upper bounds a stored hash may ask for: a tampered row must not make us allocate gigabytes.
const MAX_N = 2 ** 20;
const MAX_R = 16;
const MAX_P = 4;

interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

function deriveKey(password: string, salt: Buffer, length: number, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is too small for N=2^17.
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const { N, r, p } = SCRYPT_COST;
  const key = await deriveKey(password, salt, KEY_LENGTH, SCRYPT_COST);
  return `scrypt$${N}$${r}$${p}$${salt.toString('hex')}$${key.toString('hex')}`;
}

const HEX = /^(?:[0-9a-f]{2})+$/;
const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;

/** The cost, salt and expected key of a stored hash, or undefined when it is not one of ours. */
function parseStoredHash(stored: string): { cost: ScryptCost; salt: Buffer; expected: Buffer } | undefined {
  const parts = stored.split('$');
  let cost: ScryptCost;
  let saltHex: string | undefined;
  let hashHex: string | undefined;
  if (parts[0] !== 'scrypt') return undefined;
  if (parts.length === 3) {
    cost = LEGACY_COST;
    [, saltHex, hashHex] = parts;
  } else if (parts.length === 6) {
    const [N, r, p] = parts.slice(1, 4).map((part) => (/^[0-9]{1,8}$/.test(part) ? Number(part) : NaN));
    if (N === undefined || r === undefined || p === undefined) return undefined;
    if (!isPowerOfTwo(N) || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return undefined;
    cost = { N, r, p };
    [, , , , saltHex, hashHex] = parts;
  } else {
    return undefined;
  }
  if (!saltHex || !hashHex || !HEX.test(saltHex) || !HEX.test(hashHex) || hashHex.length !== KEY_LENGTH * 2) return undefined;
  return { cost, salt: Buffer.from(saltHex, 'hex'), expected: Buffer.from(hashHex, 'hex') };
}

/** Whether the password matches the stored hash; false for a malformed hash. Constant-time compare. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const actual = await deriveKey(password, parsed.salt, KEY_LENGTH, parsed.cost);
  return timingSafeEqual(actual, parsed.expected);
}

/** A hash of a random password at today's cost: verified against when the user is unknown, so
 * an unknown e-mail takes as long to refuse as a wrong password. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}
