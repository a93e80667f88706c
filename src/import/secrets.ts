/**
 * Keeping a recording's secrets out of what the import writes, with the harness's one
 * redaction (src/redaction): every secret the recording carries (client secrets, tokens,
 * codes, passwords, cookies, Basic and Bearer credentials, PKCE verifiers) is learned
 * first, every string written is swept for them and scrubbed of secret-named values,
 * and the finished text is checked once more: a secret found there stops the import
 * before anything is written.
 */
import { learnSecrets, SecretSet, spellings } from '../redaction/redact.js';
import { scrubText } from '../redaction/scrub.js';
import type { Exchange } from '../results/model.js';

export class RecordingSecrets {
  private readonly set = new SecretSet();

  constructor(exchanges: readonly Exchange[]) {
    for (const e of exchanges) learnSecrets(e, this.set);
  }

  /** A string safe to write: known secrets replaced by their markers, secret-named values scrubbed. */
  clean(text: string): string {
    return scrubText(this.set.sweep(text));
  }

  /** Deeply cleans every string of a value. */
  cleanValue<T>(v: T): T {
    if (typeof v === 'string') return this.clean(v) as T;
    if (Array.isArray(v)) return v.map((x) => this.cleanValue(x)) as T;
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.cleanValue(x)])) as T;
    return v;
  }

  /** The spellings of known secrets found in `text` (none, for anything the import writes). */
  leaks(text: string): string[] {
    return this.set.all().filter((s) => spellings(s).some((form) => text.includes(form)));
  }

  get size(): number {
    return this.set.size;
  }
}
