/**
 * The built-in catalog: every scenario passes with the reference client, and the catalog
 * keeps its promises: every behaviour of docs/behaviours.md §1–§10 and every profile is
 * covered, each behaviour also by a misconfigured case, and each file documents itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../mocks/package-root.js';
import { listProfiles, loadProfile } from '../mocks/profiles.js';
import { PROVIDER_FAMILY_IDS } from '../src/observe/offline-access.js';
import { runScenario } from '../src/runner/run-scenario.js';
import { findScenarioFiles, loadScenarios } from '../src/scenario/load.js';

const root = packageRoot();
const scenarios = loadScenarios(findScenarioFiles([join(root, 'scenarios')]), root);

describe('the built-in catalog passes with the reference client', () => {
  for (const s of scenarios) {
    it(s.id, async () => {
      const r = await runScenario(s, { seed: 1 });
      const failures = r.steps.flatMap((st) => st.expectations.filter((x) => !x.passed).map((x) => `${x.path}: ${x.message}`));
      expect(failures).toEqual([]);
    });
  }
});

describe('the catalog covers docs/behaviours.md and every profile', () => {
  /** The behaviour families; other folders (`diagnoses/`, `clients/`) belong to other suites with their own tests. */
  const FAMILIES = ['credentials', 'settings', 'redirect', 'scopes', 'api-auth', 'network', 'refresh', 'revocation', 'identity-service', 'basic-auth', 'response-shape'];
  const behaviourScenarios = scenarios.filter((s) => FAMILIES.includes(s.file.split('/')[1]!));

  it('has at least 50 scenarios across the family folders, with unique ids', () => {
    expect(behaviourScenarios.length).toBeGreaterThanOrEqual(50);
    for (const f of FAMILIES) expect(behaviourScenarios.filter((s) => s.file.startsWith(`scenarios/${f}/`)).length, f).toBeGreaterThanOrEqual(3);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
  });

  it.each(Array.from({ length: 10 }, (_, i) => `§${i + 1}`))('%s has a working case and a misconfigured case', (section) => {
    const of = behaviourScenarios.filter((s) => s.behaviour === section);
    expect(of.filter((s) => !s.tags.includes('misconfigured')).length, `${section}: a scenario that works`).toBeGreaterThan(0);
    expect(of.filter((s) => s.tags.includes('misconfigured')).length, `${section}: a misconfigured scenario`).toBeGreaterThan(0);
  });

  it.each(listProfiles())('profile %s declares no family, or one the diagnoses know', (profile) => {
    const family = loadProfile(profile).family;
    if (family !== undefined) expect(PROVIDER_FAMILY_IDS).toContain(family);
  });

  it.each(listProfiles())('profile %s is exercised', (profile) => {
    expect(behaviourScenarios.some((s) => s.provider.profile === profile)).toBe(true);
  });

  it('every file documents itself: schema link, title, description, behaviour, tags naming its family and profile', () => {
    for (const s of behaviourScenarios) {
      const first = readFileSync(join(root, s.file), 'utf8').split('\n')[0];
      expect(first, s.file).toBe('# yaml-language-server: $schema=../schema.json');
      expect(s.behaviour, s.file).toMatch(/^(§(10|[1-9])|docs\/provider-quirks\.md §2)$/);
      expect(s.description.length, s.file).toBeGreaterThan(40);
      expect(s.tags, s.file).toContain(s.file.split('/')[1]);
      expect(s.tags, s.file).toContain(s.provider.profile);
    }
  });

  it('a misconfigured scenario asserts the failure (or the warning) it shows', () => {
    for (const s of behaviourScenarios.filter((x) => x.tags.includes('misconfigured'))) {
      const failing = s.steps.filter((st) => st.expect?.error !== undefined || st.expect?.outcome === 'failure' || st.expect?.warnings?.length);
      expect(failing.length, `${s.file} should expect a failure or a warning`).toBeGreaterThan(0);
    }
  });
});
