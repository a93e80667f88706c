/**
 * Load `verify.yaml`: YAML syntax errors and schema issues are reported as
 * `file:line:col: path: message`, using the `yaml` package's source positions.
 * String values `${env:NAME}` are replaced by the environment variable (keep secrets out of files).
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Document } from 'yaml';
import { yamlModule } from '../scenario/yaml-locate.js';
import type { z } from 'zod';
import { verifyConfigSchema, type VerifyConfig } from './config.js';
import { VerifyError } from '../errors/verify-error.js';

/** Read and validate a config file. Throws {@link VerifyError} (`FILE_NOT_FOUND`, `CONFIG_INVALID`). */
export async function loadVerifyConfig(file: string, env: NodeJS.ProcessEnv = process.env): Promise<VerifyConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new VerifyError('FILE_NOT_FOUND', `${file}: cannot read the verify config file`);
  }
  return parseVerifyConfig(text, file, env);
}

/** Validate config text; `file` names the source in messages and anchors relative paths. */
export function parseVerifyConfig(text: string, file: string, env: NodeJS.ProcessEnv = process.env): VerifyConfig {
  // loaded on first use: `run` imports this module for live targets, and most runs read no verify.yaml
  const { LineCounter, parseDocument } = yamlModule();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined): string => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return `${file}:${line}:${col}`;
  };
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0]}`);
    throw new VerifyError('CONFIG_INVALID', `${file}: invalid YAML\n${issues.join('\n')}`, issues);
  }
  const envIssues: string[] = [];
  const raw = expandEnv(doc.toJS() as unknown, [], env, (path, name) =>
    envIssues.push(`${at(offsetOf(doc, path))}: ${path.join('.')}: environment variable ${name} is not set`),
  );
  if (envIssues.length) throw new VerifyError('CONFIG_INVALID', `${file}: invalid config\n${envIssues.join('\n')}`, envIssues);
  const parsed = verifyConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => formatIssue(issue, doc, at));
    throw new VerifyError('CONFIG_INVALID', `${file}: invalid config\n${issues.join('\n')}`, issues);
  }
  const config = parsed.data;
  if (config.login?.kind === 'playwright' && !isAbsolute(config.login.script)) {
    config.login.script = resolve(dirname(file), config.login.script);
  }
  return config;
}

function formatIssue(issue: z.core.$ZodIssue, doc: Document, at: (offset: number | undefined) => string): string {
  const path = issue.path.map(String);
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const target = keys.length ? [...path, keys[0]!] : path;
  const label = target.length ? target.join('.') : '(root)';
  return `${at(offsetOf(doc, target, keys.length > 0))}: ${label}: ${issue.message}`;
}

/** Source offset of the node at `path`, or of its nearest existing ancestor. */
function offsetOf(doc: Document, path: readonly string[], preferKey = false): number | undefined {
  const { isNode } = yamlModule();
  for (let n = path.length; n >= 0; n -= 1) {
    const sub = path.slice(0, n);
    if (preferKey && n === path.length && n > 0) {
      const parent = doc.getIn(sub.slice(0, -1), true);
      if (isNode(parent) && 'items' in parent) {
        const pair = (parent.items as Array<{ key?: unknown }>).find(
          (p) => isNode(p.key) && String((p.key as { value?: unknown }).value) === sub[sub.length - 1],
        );
        if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
      }
    }
    const node = n === 0 ? doc.contents : doc.getIn(sub, true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}

function expandEnv(
  value: unknown,
  path: string[],
  env: NodeJS.ProcessEnv,
  missing: (path: string[], name: string) => void,
): unknown {
  if (typeof value === 'string') {
    const m = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(value);
    if (!m) return value;
    const v = env[m[1]!];
    if (v === undefined) missing(path, m[1]!);
    return v ?? value;
  }
  if (Array.isArray(value)) return value.map((v, i) => expandEnv(v, [...path, String(i)], env, missing));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, expandEnv(v, [...path, k], env, missing)]),
    );
  }
  return value;
}
