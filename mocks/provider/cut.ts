/**
 * Cutting text to a length without leaving a fragment of a secret behind: where a cut
 * falls inside a word that could be (part of) a token, code, secret or base64 value,
 * the whole fragment goes, and a note says how much was left out. A fragment is never
 * recognised by redaction (it is not the whole value), so it must not be kept.
 */

/** Characters a secret can be made of: base64, base64url, JWTs, percent- and form-encoding. */
const SECRET_CHAR = /[A-Za-z0-9\-._~+/=%]/;

const isSecretChar = (c: string | undefined) => c !== undefined && SECRET_CHAR.test(c);

/** The first `max` characters of `text` (a fragment cut at the end is dropped), and a note of what was left out. */
export function cutHead(text: string, max: number, note = (left: number) => `… [${left} more characters not kept]`): string {
  if (text.length <= max) return text;
  let end = max;
  if (isSecretChar(text[end - 1]) && isSecretChar(text[end])) while (end > 0 && isSecretChar(text[end - 1])) end--;
  return `${text.slice(0, end)}${note(text.length - end)}`;
}

/** The last `max` characters of `text` (a fragment cut at the start is dropped), after a note of what was left out. */
export function cutTail(text: string, max: number, note = (left: number) => `[${left} earlier characters not kept] …`): string {
  if (text.length <= max) return text;
  let start = text.length - max;
  if (isSecretChar(text[start - 1]) && isSecretChar(text[start])) while (start < text.length && isSecretChar(text[start])) start++;
  return `${note(start)}${text.slice(start)}`;
}
