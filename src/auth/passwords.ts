// Staff passwords: scrypt (memory-hard, in Node's crypto) at OWASP's current cost (N = 2^17,
// r = 8, p = 1), a random salt per password, and a constant-time comparison. The stored form names
// its parameters, so a hash made at a lower cost still verifies and is remade at the next sign-in.
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, opts: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;
const PARAMS = { N: 2 ** 17, r: 8, p: 1 };
/** scrypt needs 128 · N · r bytes (128 MiB here); Node's default cap is 32 MiB. Room for the current cost, and no more. */
const maxmem = 128 * PARAMS.N * PARAMS.r + 16 * 1024 * 1024;
/** The highest cost a stored hash may name: a tampered row cannot make a sign-in allocate gigabytes. */
const MAX_N = PARAMS.N;

/** The shortest new password staff may choose. */
export const MIN_PASSWORD_LENGTH = 12;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, 32, { ...PARAMS, maxmem });
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parse(stored: string) {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const sane = scheme === 'scrypt' && !!salt && !!key && [params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)
    && params.N <= MAX_N && params.r <= PARAMS.r && params.p <= PARAMS.p;
  return sane ? { params, salt: Buffer.from(salt!, 'base64url'), key: Buffer.from(key!, 'base64url') } : null;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parse(stored);
  if (!hash) return false;
  const actual = await scrypt(password.normalize('NFKC'), hash.salt, hash.key.length, { ...hash.params, maxmem });
  return timingSafeEqual(actual, hash.key);
}

/** A hash made at a lower cost than today's: remake it while the password is at hand. */
export function needsRehash(stored: string): boolean {
  const hash = parse(stored);
  return !hash || hash.params.N < PARAMS.N || hash.params.r < PARAMS.r || hash.params.p < PARAMS.p;
}

/** A hash to compare against when the account does not exist, so timing does not tell. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/** A readable temporary password for a new or reset account (to be changed at the first sign-in). */
export const temporaryPassword = () => randomBytes(15).toString('base64url');
