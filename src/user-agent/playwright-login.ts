/**
 * The Playwright-driven login: playwright-core with Debian's chromium, for login pages that need a real
 * browser. The login script is a module whose default export receives the page after
 * the authorization URL was opened, and logs in and consents (or denies):
 *
 * ```js
 * export default async function login({ page, decision, user }) {
 *   await page.fill('input[name=login]', user.username);
 *   await page.fill('input[name=password]', user.password);
 *   await page.click('button[type=submit]');
 *   await page.click(decision === 'deny' ? 'text=Cancel' : 'button[type=submit]');
 * }
 * ```
 *
 * A script that cannot refuse consent (a login page without a deny control) exports
 * `export const canDeny = false`: checks that need a refusal are then not tested
 * (inconclusive) instead of failing.
 *
 * The driver captures the first navigation that leaves the authorization server and
 * aborts it (its `Location`, fragment included, is read from the redirect response): the
 * browser never reaches the client or any other host.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { hasOptional } from '../errors/optional-dependency.js';
import type { Browser, Page } from 'playwright-core';
import type { AuthorizeRequest, AuthorizeResult, FinalPage, LeavingRedirect, UserAgentDriver } from './login-strategy.js';
import { leavesServer } from './login-strategy.js';
import type { UaTransport } from './http-user-agent.js';
import { VerifyError } from '../errors/verify-error.js';

/** Arguments passed to the login script's default export. */
export interface PlaywrightLoginArgs {
  page: Page;
  decision: 'approve' | 'deny';
  user: { username: string; password: string } | undefined;
  authorizeUrl: string;
}

export type PlaywrightLoginScript = (args: PlaywrightLoginArgs) => Promise<void>;

export interface PlaywrightDriverOptions {
  script: string | PlaywrightLoginScript;
  executablePath: string;
  allowedOrigins: Iterable<string>;
  user?: { username: string; password: string };
  /** Per-action timeout inside the script (ms). */
  actionTimeoutMs?: number;
}

/** Chromium flags required by the project (headless, no sandbox in CI containers). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Create the driver; the browser starts on first use. */
export function createPlaywrightDriver(options: PlaywrightDriverOptions): UserAgentDriver {
  const allowed = new Set(options.allowedOrigins);
  let browser: Promise<Browser> | undefined;
  let script: Promise<PlaywrightLoginScript> | undefined;
  /** The loaded script's `canDeny` export (true when it has none). */
  let canDeny = true;
  const capabilities = { crossSiteConsent: false, deny: true };

  const launch = async (): Promise<Browser> => {
    if (!existsSync(options.executablePath)) {
      throw new VerifyError(
        'USER_AGENT_UNAVAILABLE',
        `chromium not found at ${options.executablePath} (install it with: apt-get install -y chromium)`,
      );
    }
    if (!hasOptional('playwright-core')) throw new VerifyError('USER_AGENT_UNAVAILABLE', 'install playwright-core to log in with a browser: npm i -D playwright-core');
    const { chromium } = await import('playwright-core');
    const hosts = [...allowed].map((o) => new URL(o).hostname);
    const rules = `MAP * ~NOTFOUND, ${hosts.map((h) => `EXCLUDE ${h}`).join(', ')}`;
    return chromium.launch({
      executablePath: options.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=${rules}`],
    });
  };

  const loadScript = async (): Promise<PlaywrightLoginScript> => {
    if (typeof options.script === 'function') return options.script;
    const file = options.script;
    let mod: { default?: unknown };
    try {
      mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    } catch (e) {
      throw new VerifyError('USER_AGENT_UNAVAILABLE', `${file}: cannot load the login script: ${(e as Error).message}`);
    }
    if (typeof mod.default !== 'function') {
      throw new VerifyError('USER_AGENT_UNAVAILABLE', `${file}: the login script must export a default async function`);
    }
    canDeny = (mod as { canDeny?: unknown }).canDeny !== false;
    capabilities.deny = canDeny;
    return mod.default as PlaywrightLoginScript;
  };

  async function authorize(request: AuthorizeRequest, transport: UaTransport): Promise<AuthorizeResult> {
    browser ??= launch();
    script ??= loadScript();
    const [b, login] = await Promise.all([browser, script]);
    const context = await b.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(options.actionTimeoutMs ?? 5_000);
    const result: AuthorizeResult = { postRedirects: [], loginShown: false, consentShown: false };
    const cannotDeny = request.decision === 'deny' && !canDeny;
    if (cannotDeny) result.denyUnavailable = 'the login script cannot refuse consent (it exports canDeny = false)';
    let captured: Promise<LeavingRedirect> | undefined;
    let resolveCaptured: ((r: LeavingRedirect) => void) | undefined;
    const leaving = new Promise<LeavingRedirect>((r) => (resolveCaptured = r));

    await context.route('**/*', (route) =>
      leavesServer(route.request().url(), allowed, request.redirectUri) ? route.abort() : route.continue(),
    );
    page.on('request', (req) => {
      if (captured || !req.isNavigationRequest() || !leavesServer(req.url(), allowed, request.redirectUri)) return;
      const from = req.redirectedFrom();
      captured = (async () => {
        const prev = from ? await from.response() : null;
        const location = prev ? await prev.headerValue('location') : null;
        // the browser's request URL has no fragment; the Location header does (error=… in the fragment)
        let url = req.url();
        try {
          if (location && from) url = new URL(location, from.url()).href;
        } catch {
          /* keep the request URL */
        }
        const redirect: LeavingRedirect = {
          url,
          rawLocation: location ?? req.url(),
          status: prev?.status() ?? 0,
          requestMethod: from?.method() ?? req.method(),
        };
        return redirect;
      })();
      void captured.then((r) => resolveCaptured?.(r));
    });
    page.on('response', async (res) => {
      const req = res.request();
      if (req.method() === 'POST' && res.status() >= 300 && res.status() < 400) {
        result.postRedirects.push({ url: req.url(), status: res.status() });
      }
      const isDoc = req.resourceType() === 'document';
      let body: string | undefined;
      if (isDoc && (res.status() < 300 || res.status() >= 400)) body = await res.text().catch(() => undefined);
      transport.record?.({
        from: 'user-agent',
        to: 'authorization-server',
        endpoint: 'browser',
        request: { method: req.method(), url: req.url(), headers: await req.allHeaders().catch(() => ({})), ...(req.postData() ? { body: req.postData()! } : {}) },
        response: { status: res.status(), headers: await res.allHeaders().catch(() => ({})), ...(body !== undefined ? { body } : {}) },
      });
    });

    let mainStatus = 0;
    try {
      if (request.method === 'POST') {
        const u = new URL(request.url);
        const inputs = [...u.searchParams].map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
        await page.setContent(`<form method="post" action="${esc(u.origin + u.pathname)}">${inputs}</form>`);
        const [nav] = await Promise.all([page.waitForNavigation().catch(() => null), page.evaluate(() => document.forms[0]!.submit())]);
        mainStatus = nav?.status() ?? 0;
      } else {
        const nav = await page.goto(request.url).catch(() => null);
        mainStatus = nav?.status() ?? 0;
      }
      if (!captured && mainStatus > 0 && mainStatus < 400 && !cannotDeny) {
        result.loginShown = true;
        await login({ page, decision: request.decision ?? 'approve', user: options.user, authorizeUrl: request.url }).catch((e: Error) => {
          result.note = `login script stopped: ${e.message.split('\n')[0]}`;
        });
        result.consentShown = true;
      }
      const redirect = await Promise.race([leaving, new Promise<undefined>((r) => setTimeout(r, captured ? 5_000 : 1_500))]);
      if (redirect) {
        result.redirect = redirect;
        delete result.note;
      } else {
        result.page = await finalPage(page, mainStatus);
      }
      return result;
    } finally {
      await context.close().catch(() => {});
    }
  }

  return {
    kind: 'playwright',
    capabilities,
    authorize,
    close: async () => {
      if (browser) await (await browser.catch(() => undefined))?.close();
    },
  };
}

async function finalPage(page: Page, status: number): Promise<FinalPage> {
  return { url: page.url(), status, headers: {}, body: await page.content().catch(() => '') };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
