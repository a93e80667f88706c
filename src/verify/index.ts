/**
 * Public API of the `verify` engine: black-box conformance checks for OAuth 2.0
 * authorization servers and resource servers (see `README.md` in this folder).
 */
export { runVerify, resolveVerifyConfig, type VerifyOptions, type VerifyProgress } from './run-verify.js';
export { loadVerifyConfig, parseVerifyConfig } from './config-loader.js';
export { verifyConfigSchema, type LoginConfig, type VerifyConfig, type VerifyConfigInput } from './config.js';
export { mergeVerifyFlags, parseDuration, timingFromFlags, type VerifyFlags } from './cli-options.js';
export { applyExpectedFailuresToRun as applyExpectedFailures, loadExpectedFailures, parseExpectedFailures, type ExpectedFailure } from '../results/expected-failures.js';
export { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, exitCodeForError, verifyExitCode } from './exit-code.js';
export { VerifyError, type VerifyErrorCode } from '../errors/verify-error.js';
export { BCP_ONLY, PLAN_NAMES, planChecks, type PlanName } from './plans.js';
export { ALL_CHECKS } from './checks/index.js';
export type { Check, CheckMode, Level, Mode, Requirement } from './check.js';
export { severityOf } from './severity.js';
