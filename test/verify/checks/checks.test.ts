/**
 * Each check, both ways, against the deliberately broken AS: it passes on the conformant
 * setting and fails with every quirk that breaks its requirement. All rows share one
 * concurrent pool so the waits of time-dependent rows overlap.
 */
import { checkMatrices } from '../check-matrix.js';
import { MATRICES } from './matrices.js';

checkMatrices(MATRICES);
