/** `VerifyError` lives in `src/errors/`; this path stays only until the login drivers that still import it move. */
export { VerifyError, type VerifyErrorCode } from '../errors/verify-error.js';
