/**
 * Level → severity, decided by the runner, never by a check: MUST → fail,
 * SHOULD → warning, MAY/INFO → info; heuristic (H) rows never exceed warning.
 */
import type { Severity } from '../results/model.js';
import type { Check } from './check.js';

export function severityOf(check: Pick<Check, 'level' | 'mode'>): Severity {
  const base: Severity = check.level === 'MUST' ? 'fail' : check.level === 'SHOULD' ? 'warning' : 'info';
  return base === 'fail' && check.mode.split('+').includes('H') ? 'warning' : base;
}
