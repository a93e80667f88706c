/**
 * `application/x-www-form-urlencoded` helpers (RFC 6749 Appendix B) and the HTTP Basic
 * client-authentication header of RFC 6749 §2.3.1.
 */

/** Ordered name/value pairs: the only form input shape that can express a repeated parameter. */
export type FormPairs = ReadonlyArray<readonly [string, string]>;

/** Pairs, or a record whose `undefined` values are left out. */
export type FormInput = FormPairs | Readonly<Record<string, string | undefined>>;

/** Normalise {@link FormInput} to ordered pairs. */
export function toPairs(input: FormInput): Array<[string, string]> {
  if (Array.isArray(input)) return input.map(([k, v]) => [k, v] as [string, string]);
  return Object.entries(input as Record<string, string | undefined>).flatMap(([k, v]) =>
    v === undefined ? [] : [[k, v] as [string, string]],
  );
}

/** Form-encode one value per RFC 6749 App. B (UTF-8, space as `+`). */
export function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** Serialise pairs as a form body. */
export function encodeForm(input: FormInput): string {
  return toPairs(input)
    .map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`)
    .join('&');
}

/**
 * `Authorization: Basic` value for a client, with id and secret form-encoded first as
 * RFC 6749 §2.3.1 requires (https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1).
 */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const raw = `${formEncode(clientId)}:${formEncode(clientSecret)}`;
  return `Basic ${Buffer.from(raw, 'utf8').toString('base64')}`;
}

/**
 * Every character but ASCII letters and digits percent-encoded (`harness-client` →
 * `harness%2Dclient`, as oauth4webapi sends it): a valid form-urlencoding that every
 * RFC 6749 App. B decoder maps back, and one a server that does not decode gets wrong.
 */
export function formEncodeStrict(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** `Authorization: Basic` with id and secret encoded by {@link formEncodeStrict}. */
export function basicAuthorizationStrict(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${formEncodeStrict(clientId)}:${formEncodeStrict(clientSecret)}`, 'utf8').toString('base64')}`;
}

/** The non-conformant variant, `base64(id ":" secret)` without form-encoding (diagnostics only). */
export function basicAuthorizationUnencoded(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`;
}

/** Parse a query string or form body into pairs, keeping repeats. */
export function parsePairs(text: string): Array<[string, string]> {
  return [...new URLSearchParams(text)];
}
