import type { JWK } from 'jose';

/** The provider's signing key (RS256), for ID tokens and JWT access tokens. */
export interface SigningKeys {
  jwks(): Promise<{ keys: JWK[] }>;
  sign(claims: Record<string, unknown>, type?: string): Promise<string>;
}

type Jose = typeof import('jose');
type KeyPair = Awaited<ReturnType<Jose['generateKeyPair']>>;
let jose: Promise<Jose> | undefined;
let shared: Promise<{ pair: KeyPair; jwk: JWK }> | undefined;

/** jose, loaded on first use: most providers never sign, and `serve` starts ~30 ms sooner. */
function loadJose(): Promise<Jose> {
  jose ??= import('jose');
  return jose;
}

/** One key pair per process, generated on first use (key generation costs tens of ms). */
function sharedKey(): Promise<{ pair: KeyPair; jwk: JWK }> {
  shared ??= (async () => {
    const { exportJWK, generateKeyPair } = await loadJose();
    const pair = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'oauth-harness-1', alg: 'RS256', use: 'sig' };
    return { pair, jwk };
  })();
  return shared;
}

/** Signing keys backed by the process-wide key pair. */
export function createSigningKeys(): SigningKeys {
  return {
    jwks: async () => ({ keys: [(await sharedKey()).jwk] }),
    sign: async (claims, type = 'JWT') => {
      const { pair } = await sharedKey();
      const { SignJWT } = await loadJose();
      return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'oauth-harness-1', typ: type }).sign(pair.privateKey);
    },
  };
}
