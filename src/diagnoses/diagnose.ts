import type { DiagnosisResult } from '../results/model.js';
import { DIAGNOSES } from './catalog.js';
import type { DiagnoseInput } from './diagnosis.js';

/** Runs every detector of the catalog over an observed exchange. */
export function diagnose(input: DiagnoseInput): DiagnosisResult[] {
  const out: DiagnosisResult[] = [];
  for (const d of DIAGNOSES) {
    const f = d.detect(input);
    if (f) out.push({ id: d.id, level: d.level, title: d.title, cause: f.cause, fix: [...(f.fix ?? []), ...d.fix], ...(f.evidence ? { evidence: f.evidence } : {}) });
  }
  return out;
}
