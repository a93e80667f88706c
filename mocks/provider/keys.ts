/**
 * The mock's signing key (RS256, RFC 7518 §3.3), for ID tokens and JWT access tokens: one
 * key pair per process, generated on first use.
 *
 * Generating a 2048-bit RSA key costs 0.15–0.25 s of CPU, a tenth of a run of the whole
 * catalog and most of a one-scenario run, and every process paid it again (`run`, each
 * `--shard`, `serve`, each vitest worker). So the key is kept, as a development signing
 * key is by IdentityServer's `AddDeveloperSigningCredential`, in the project's tool cache,
 * `node_modules/.cache/oauth-harness/signing-key.json` (beside the installed package; in a
 * clone, its own `node_modules`), readable by its owner only, and the next process reads it
 * (about 1 ms). It signs only the mock's tokens. A file that is unreadable, too large, not
 * an RS256 private key or readable by others is not used, and is replaced; a cache that
 * cannot be written (a read-only `node_modules`) only means the key is generated each time.
 * `OAUTH_HARNESS_KEY_CACHE=off` turns it off; set to a file path, it keeps the key there.
 */
import { chmodSync, closeSync, constants, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { JWK } from 'jose';
import { packageRoot } from '../package-root.js';

/** The provider's signing key (RS256), for ID tokens and JWT access tokens. */
export interface SigningKeys {
  jwks(): Promise<{ keys: JWK[] }>;
  sign(claims: Record<string, unknown>, type?: string): Promise<string>;
}

type Jose = typeof import('jose');
type PrivateKey = Awaited<ReturnType<Jose['importJWK']>>;
let jose: Promise<Jose> | undefined;
let shared: Promise<{ privateKey: PrivateKey; jwk: JWK }> | undefined;

const KID = 'oauth-harness-1';
/** A 2048-bit RSA private JWK is under 4 KB; anything much larger is not one. */
const MAX_KEY_FILE_BYTES = 16 * 1024;
const PRIVATE_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/** jose, loaded on first use: most providers never sign, and `serve` starts ~30 ms sooner. */
function loadJose(): Promise<Jose> {
  jose ??= import('jose');
  return jose;
}

/**
 * Where the key is kept: the tool cache beside the package (`node_modules/.cache/oauth-harness/`);
 * `OAUTH_HARNESS_KEY_CACHE` set to a file path keeps it there instead (relative to the working
 * folder), and to `off` keeps none (undefined).
 */
export function keyCachePath(): string | undefined {
  const setting = (process.env.OAUTH_HARNESS_KEY_CACHE ?? '').trim();
  if (/^(off|0|false|no)$/i.test(setting)) return undefined;
  if (setting && !/^(on|1|true|yes)$/i.test(setting)) return resolve(setting);
  const root = packageRoot();
  // installed: <project>/node_modules/oauth-harness → <project>/node_modules/.cache; a clone: its own node_modules
  const modules = /[\\/]node_modules$/.test(dirname(root)) ? dirname(root) : join(root, 'node_modules');
  return join(modules, '.cache', 'oauth-harness', 'signing-key.json');
}

/** The cached private JWK, if the file is there, small, its owner's only, and holds an RS256 private key. */
function readCachedJwk(path: string): JWK | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_KEY_FILE_BYTES || (st.mode & 0o077) !== 0 || (process.getuid && st.uid !== process.getuid())) return undefined;
    const bytes = Buffer.alloc(st.size);
    const n = readSync(fd, bytes, 0, st.size, 0);
    const jwk = JSON.parse(bytes.subarray(0, n).toString('utf8')) as JWK;
    if (jwk.kty !== 'RSA' || jwk.alg !== 'RS256' || PRIVATE_MEMBERS.some((m) => typeof jwk[m] !== 'string' || !jwk[m])) return undefined;
    return jwk;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes the key whole or not at all (a temporary file renamed over), its owner's only; a failure is ignored. */
function writeCachedJwk(path: string, jwk: JWK): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
    chmodSync(tmp, 0o600);
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/** One key pair per process: the cached one when it is usable, else a new one (then cached). */
function sharedKey(): Promise<{ privateKey: PrivateKey; jwk: JWK }> {
  shared ??= (async () => {
    const { exportJWK, generateKeyPair, importJWK } = await loadJose();
    const path = keyCachePath();
    const cached = path ? readCachedJwk(path) : undefined;
    if (cached) {
      try {
        const privateKey = await importJWK(cached, 'RS256');
        return { privateKey, jwk: publicOf(cached) };
      } catch {
        // not a key jose takes: made again below
      }
    }
    const pair = await generateKeyPair('RS256', { extractable: true });
    const full = { ...(await exportJWK(pair.privateKey)), alg: 'RS256' };
    if (path) writeCachedJwk(path, full);
    return { privateKey: pair.privateKey, jwk: publicOf(full) };
  })();
  return shared;
}

/** The public half as the JWKS endpoint serves it (RFC 7517 §4). */
function publicOf(jwk: JWK): JWK {
  return { kty: 'RSA', n: jwk.n!, e: jwk.e!, kid: KID, alg: 'RS256', use: 'sig' };
}

/** Signing keys backed by the process-wide key pair. */
export function createSigningKeys(): SigningKeys {
  return {
    jwks: async () => ({ keys: [(await sharedKey()).jwk] }),
    sign: async (claims, type = 'JWT') => {
      const { privateKey } = await sharedKey();
      const { SignJWT } = await loadJose();
      return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: KID, typ: type }).sign(privateKey);
    },
  };
}
