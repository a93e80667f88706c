/**
 * What the import concludes from a recording: a switch value (or a client setting) with
 * the evidence for it, and, where the recording allows another reading, that reading.
 * The generated scenario carries both as YAML comments, so a maintainer sees why each
 * value is there and which ones to check.
 */

export interface Inference {
  /** Where the value goes: a switch path (`['clientAuth', 'methods']`) or a client setting (`['client', 'credentials']`). */
  path: string[];
  value: unknown;
  /** What in the recording shows it, with exchange numbers (`#4`). */
  evidence: string;
  /** Another value the recording is equally consistent with, in words; the comment says which was chosen. */
  alternative?: string;
  /**
   * For an inference the recording leaves open: whether another value (the base
   * profile's) is as consistent with the recording. Then that value is kept.
   */
  consistent?: (other: unknown) => boolean;
}

/** Something the recording does not show, written into the file as a comment. */
export interface Unknown {
  /** The switch or setting it concerns. */
  topic: string;
  note: string;
}

/** `#3`, `#3 and #7`, `#3, #7 and #9`. */
export function refs(seqs: readonly number[]): string {
  const s = [...new Set(seqs)].sort((a, b) => a - b).map((n) => `#${n}`);
  return s.length <= 1 ? s.join('') : `${s.slice(0, -1).join(', ')} and ${s[s.length - 1]}`;
}

/** Collects inferences and unknowns; the first inference for a path wins (callers order by strength). */
export class Findings {
  readonly inferences: Inference[] = [];
  readonly unknowns: Unknown[] = [];

  set(path: string[], value: unknown, evidence: string, alternative?: string, consistent?: (other: unknown) => boolean): void {
    if (this.has(path)) return;
    this.inferences.push({ path, value, evidence, ...(alternative ? { alternative } : {}), ...(consistent ? { consistent } : {}) });
  }

  has(path: string[]): boolean {
    return this.inferences.some((i) => i.path.join('.') === path.join('.'));
  }

  get(path: string[]): unknown {
    return this.inferences.find((i) => i.path.join('.') === path.join('.'))?.value;
  }

  unknown(topic: string, note: string): void {
    if (!this.unknowns.some((u) => u.topic === topic && u.note === note)) this.unknowns.push({ topic, note });
  }
}
