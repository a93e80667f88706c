/**
 * Hand-made exchanges for detector tests, shaped like traffic recorded from live
 * providers: no endpoint names unless a test gives one, real hosts, real error bodies.
 */
import { diagnose } from '../../src/diagnoses/diagnose.js';
import type { DiagnoseInput, Diagnosis } from '../../src/diagnoses/diagnosis.js';
import type { DiagnosisResult, Exchange } from '../../src/results/model.js';

export interface ExchangeSpec {
  from?: Exchange['from'];
  to?: Exchange['to'];
  endpoint?: string;
  step?: string;
  at?: number;
  method?: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Record<string, string>;
  status: number;
  resHeaders?: Record<string, string>;
  resBody?: string | Record<string, unknown>;
}

/** A list of exchanges numbered from 1. */
export function traffic(...specs: ExchangeSpec[]): Exchange[] {
  return specs.map((s, i) => {
    const form = s.body !== undefined && typeof s.body === 'object';
    const json = s.resBody !== undefined && typeof s.resBody === 'object';
    return {
      seq: i + 1,
      from: s.from ?? 'client',
      to: s.to ?? 'other',
      ...(s.endpoint ? { endpoint: s.endpoint } : {}),
      ...(s.step ? { step: s.step } : {}),
      at: s.at ?? 1_700_000_000_000 + i * 1000,
      request: {
        method: s.method ?? (s.body !== undefined ? 'POST' : 'GET'),
        url: s.url,
        headers: { ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...(s.headers ?? {}) },
        ...(s.body !== undefined ? { body: form ? new URLSearchParams(s.body as Record<string, string>).toString() : (s.body as string) } : {}),
      },
      response: {
        status: s.status,
        headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...(s.resHeaders ?? {}) },
        ...(s.resBody !== undefined ? { body: json ? JSON.stringify(s.resBody) : (s.resBody as string) } : {}),
      },
    };
  });
}

/** `Authorization: Basic` for an id and secret, form-encoded first (RFC 6749 §2.3.1) unless `raw`. */
export function basic(id: string, secret: string, raw = false): string {
  const enc = (s: string) => (raw ? s : new URLSearchParams({ x: s }).toString().slice(2));
  return `Basic ${Buffer.from(`${enc(id)}:${enc(secret)}`).toString('base64')}`;
}

export function input(exchanges: Exchange[], reactions: DiagnoseInput['reactions'] = [], provider?: DiagnoseInput['provider']): DiagnoseInput {
  return { exchanges, reactions, ...(provider ? { provider } : {}) };
}

/** Runs one detector (so a throw fails the test instead of being swallowed). */
export function run(d: Diagnosis, exchanges: Exchange[], reactions: DiagnoseInput['reactions'] = [], provider?: DiagnoseInput['provider']) {
  return d.detect(input(exchanges, reactions, provider));
}

/** Runs the whole catalog and returns the ids raised. */
export function ids(exchanges: Exchange[], reactions: DiagnoseInput['reactions'] = [], provider?: DiagnoseInput['provider']): string[] {
  return diagnose(input(exchanges, reactions, provider)).map((d: DiagnosisResult) => d.id);
}
