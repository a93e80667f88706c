/**
 * A cheap guard before parsing untrusted JSON or YAML. Parsers recurse per level of
 * nesting: 50,000 `[` take seconds and end in a stack overflow, and yaml 2.x even dies
 * of an out-of-memory error building the message for 10,000 of them. This scan takes
 * microseconds per kilobyte and finds the first place where the nesting goes deeper
 * than allowed.
 *
 * It counts `[` and `{` outside quoted strings, and for YAML also block collections
 * opened on one line (`- - - x`, `? ? x`). A quote starts a string only where a scalar
 * can start (after `[ { , : - ?`, at a line start), as in YAML, so `it's [` is no
 * string; brackets inside plain or block scalars do count, which only matters for
 * absurd text.
 */

/** How deep JSON and YAML input may nest: far more than any scenario, switch patch or admin request needs. */
export const MAX_NESTING = 64;

/** Characters after which a quote starts a string (besides a line start): `[ { , : - ?`. */
const OPENS = new Set([91, 123, 44, 58, 45, 63]);

/** The offset where `[`/`{` nesting first goes deeper than `max` outside quoted strings, or -1. */
export function tooDeepAt(text: string, max = MAX_NESTING): number {
  let depth = 0;
  let quote = 0;
  let last = 10; // the last character that is not a space or tab (a newline at the start)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92 /* \ */ && quote === 34) i++;
      else if (c === quote) {
        quote = 0;
        last = c;
      }
      continue;
    }
    if (c === 32 || c === 9) continue;
    if ((c === 34 /* " */ || c === 39) /* ' */ && (last === 10 || last === 13 || OPENS.has(last))) quote = c;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return i;
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && depth > 0) depth--;
    last = c;
  }
  return -1;
}

/** Block collections opened at the start of one line: `- - - x`, `? ? x`, `- ? - x`. */
const COMPACT = /^[ \t]*(?:[-?:](?:[ \t]+|$))+/gm;

/** Like {@link tooDeepAt}, plus YAML's compact block nesting on one line. */
export function yamlTooDeepAt(text: string, max = MAX_NESTING): number {
  const flow = tooDeepAt(text, max);
  for (const m of text.matchAll(COMPACT)) {
    const indicators = m[0].replace(/[ \t]/g, '').length;
    if (indicators > max) {
      const at = m.index + m[0].split(/[-?:]/, max + 1).join('x').length;
      return flow < 0 ? at : Math.min(flow, at);
    }
  }
  return flow;
}
