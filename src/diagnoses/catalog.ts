/**
 * The diagnosis catalog: every diagnosis module, in the order they are tried.
 * Adding one is adding a file under `diagnoses/` and a line here.
 */
import type { Diagnosis } from './diagnosis.js';

export const DIAGNOSES: Diagnosis[] = [];
