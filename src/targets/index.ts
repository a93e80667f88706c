/**
 * Targets: running scenarios, `verify` and the parity report against the mock over HTTP,
 * real servers in containers, or an issuer URL. The CLI's entry points are
 * {@link runOnTarget}, {@link verifyOnTarget} and {@link parityReport}.
 */
export { parseTarget, startTarget, targetName, imitableProfiles, CONTAINER_SERVERS, SERVERS, type TargetSpec, type ContainerServer } from './target.js';
export type { StartedTarget, StartTargetOptions, TargetCapabilities, TargetClient, ServerSettingsOverride, UrlTargetSettings } from './started-target.js';
export type { TargetUserAgent } from '../user-agent/scenario-user-agent.js';
export { runOnTarget, type RunOnTargetOptions } from './run-on-target.js';
export { runScenarioOnTarget } from './run-scenario-on-target.js';
export { verifyOnTarget, type VerifyOnTargetOptions } from './verify-on-target.js';
export { parityReport, type ParityOptions, type ParityReport, type ScenarioParity, type ParityDifference } from './parity.js';
export { applicability, type Applicability } from './selection.js';
