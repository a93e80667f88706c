/** The cookie jar (tough-cookie): domain, path, expiry, SameSite for cross-site requests, ports, loopback Secure. */
import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../src/user-agent/cookie-jar.js';

describe('cookie jar', () => {
  it('matches host and path, honours expiry, and sends only SameSite=None cross-site', () => {
    const jar = new CookieJar();
    jar.store('https://as.example/a/login', ['sid=1; Path=/; HttpOnly', 'csrf=2; SameSite=Strict', 'xs=3; SameSite=None; Secure', 'old=4; Max-Age=0']);
    // longer paths first (RFC 6265 §5.4 step 2): csrf and xs have the default path /a
    expect(jar.header('https://as.example/a/next')).toBe('csrf=2; xs=3; sid=1');
    expect(jar.header('https://as.example/other')).toBe('sid=1');
    expect(jar.header('https://other.example/')).toBeUndefined();
    expect(jar.header('https://as.example/a/x', { crossSite: true })).toBe('xs=3');
  });

  it('deletes a cookie the server expires, and replaces one it sets again', () => {
    const jar = new CookieJar();
    jar.store('http://127.0.0.1:4000/', ['a=1; Path=/', 'b=2; Path=/']);
    jar.store('http://127.0.0.1:4000/', ['a=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'b=3; Path=/']);
    expect(jar.header('http://127.0.0.1:4000/')).toBe('b=3');
  });

  it('shares cookies across ports of one host (RFC 6265 §8.5) and sends Secure ones to loopback over http', () => {
    const jar = new CookieJar();
    jar.store('http://127.0.0.1:4000/login', ['s=1; Path=/; Secure']);
    expect(jar.header('http://127.0.0.1:5000/x')).toBe('s=1');
    jar.store('http://as.example/', ['t=1; Path=/; Secure']);
    expect(jar.header('http://as.example/')).toBeUndefined();
  });

  it('keeps a Domain cookie for subdomains and forgets everything on clear()', () => {
    const jar = new CookieJar();
    jar.store('https://login.as.example/', ['d=1; Domain=as.example; Path=/']);
    expect(jar.header('https://api.as.example/')).toBe('d=1');
    jar.clear();
    expect(jar.header('https://api.as.example/')).toBeUndefined();
  });
});
