import type { DiagnosisResult } from '../results/model.js';
import { DIAGNOSES } from './catalog.js';
import type { DiagnoseInput } from './diagnosis.js';

/**
 * Runs every detector of the catalog over an observed exchange. A detector that throws
 * (on traffic no one foresaw) is skipped: a diagnosis must never break a run.
 */
export function diagnose(input: DiagnoseInput): DiagnosisResult[] {
  const out: DiagnosisResult[] = [];
  for (const d of DIAGNOSES) {
    let f;
    try {
      f = d.detect(input);
    } catch {
      continue;
    }
    if (!f) continue;
    out.push({
      id: d.id,
      level: d.level,
      title: d.title,
      cause: f.cause,
      fix: [...(f.fix ?? []), ...d.fix],
      ...(f.evidence?.length ? { evidence: [...new Set(f.evidence)].sort((a, b) => a - b) } : {}),
      ...(d.specRef ? { specRef: d.specRef } : {}),
    });
  }
  return out;
}
