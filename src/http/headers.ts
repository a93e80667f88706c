/**
 * Header parsers used by the checks: media types, `Cache-Control` directives and
 * `WWW-Authenticate` challenges (RFC 9110 §11.6.1, §5.6).
 */

/** Media type without parameters, lower-cased (`application/json; charset=utf-8` → `application/json`). */
export function mediaType(contentType: string | null | undefined): string | undefined {
  if (!contentType) return undefined;
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/** `Cache-Control` directive names, lower-cased (RFC 9111 §5.2). */
export function cacheDirectives(value: string | null | undefined): Set<string> {
  if (!value) return new Set();
  return new Set(value.split(',').map((d) => d.split('=')[0]!.trim().toLowerCase()).filter(Boolean));
}

/** One authentication challenge. */
export interface Challenge {
  scheme: string;
  /** Auth-params in order (names lower-cased); a token68 challenge has none. */
  params: Array<[string, string]>;
  token68?: string;
}

/** Thrown for a header value that is not a valid challenge list. */
export class ChallengeSyntaxError extends Error {}

const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
const TOKEN68 = /[A-Za-z0-9\-._~+/]+=*/y;

/** Parse a `WWW-Authenticate` value into challenges; throws {@link ChallengeSyntaxError}. */
export function parseChallenges(value: string): Challenge[] {
  const out: Challenge[] = [];
  let current: Challenge | undefined;
  let i = 0;
  const ws = (): void => {
    while (value[i] === ' ' || value[i] === '\t') i += 1;
  };
  const token = (): string | undefined => {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(value);
    if (!m) return undefined;
    i = TOKEN.lastIndex;
    return m[0];
  };
  const quoted = (): string => {
    let s = '';
    i += 1;
    while (i < value.length && value[i] !== '"') {
      if (value[i] === '\\') i += 1;
      s += value[i] ?? '';
      i += 1;
    }
    if (value[i] !== '"') throw new ChallengeSyntaxError('unterminated quoted-string');
    i += 1;
    return s;
  };
  for (;;) {
    while (value[i] === ' ' || value[i] === '\t' || value[i] === ',') i += 1;
    if (i >= value.length) break;
    const name = token();
    if (!name) throw new ChallengeSyntaxError(`unexpected character "${value[i]}" at offset ${i}`);
    ws();
    if (value[i] === '=') {
      if (!current) throw new ChallengeSyntaxError(`auth-param "${name}" before any auth-scheme`);
      i += 1;
      ws();
      const v = value[i] === '"' ? quoted() : token();
      if (v === undefined) throw new ChallengeSyntaxError(`missing value for auth-param "${name}"`);
      current.params.push([name.toLowerCase(), v]);
      ws();
      if (i < value.length && value[i] !== ',') {
        throw new ChallengeSyntaxError(`expected "," after auth-param "${name}" at offset ${i}`);
      }
    } else {
      current = { scheme: name, params: [] };
      out.push(current);
      TOKEN68.lastIndex = i;
      const m = TOKEN68.exec(value);
      if (m && /^[ \t]*(,|$)/.test(value.slice(TOKEN68.lastIndex))) {
        current.token68 = m[0];
        i = TOKEN68.lastIndex;
      }
    }
  }
  return out;
}

/** Challenge whose scheme equals `scheme` case-insensitively, or undefined. */
export function findChallenge(value: string | null | undefined, scheme: string): Challenge | undefined {
  if (!value) return undefined;
  try {
    return parseChallenges(value).find((c) => c.scheme.toLowerCase() === scheme.toLowerCase());
  } catch {
    return undefined;
  }
}

/** First value of an auth-param of a challenge. */
export function challengeParam(challenge: Challenge | undefined, name: string): string | undefined {
  return challenge?.params.find(([k]) => k === name)?.[1];
}
