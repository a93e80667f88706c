/**
 * The HTML reader (parse5): forms, controls, links, resources and metas; the form data
 * set; character references in every form, including the hex ones the old regex readers
 * missed; page text for messages.
 */
import { describe, expect, it } from 'vitest';
import { consentScopes } from '../../src/diagnoses/consent.js';
import { controlsNamed, firstParagraph, formData, pageText, parseHtml } from '../../src/user-agent/html.js';

describe('html reader', () => {
  const page = parseHtml(
    `<form id=f method=POST action="/login?x=1&amp;y=2"><input type=hidden name=tx value="a&quot;b">
     <input name=user><input type=password name=pw><input type=checkbox name=remember>
     <select name=lang><option value=en>English<option value=fr selected>French</select>
     <button name=decision value=approve class="btn primary">Allow</button><button name=decision value=deny>Deny</button></form>
     <a href="/cancel">Cancel</a><script src="https://cdn.example/x.js"></script><meta name=referrer content=no-referrer>`,
    'https://as.example/authorize',
  );
  const form = page.forms[0]!;

  it('reads forms, controls, links and sub-resources', () => {
    expect(form.action).toBe('https://as.example/login?x=1&y=2');
    expect(form.method).toBe('POST');
    expect(form.controls.map((c) => `${c.name}:${c.type}`)).toEqual(['tx:hidden', 'user:text', 'pw:password', 'remember:checkbox', 'lang:select', 'decision:submit', 'decision:submit']);
    expect(form.controls[5]).toMatchObject({ tag: 'button', text: 'Allow', value: 'approve' });
    expect(page.links[0]).toMatchObject({ href: 'https://as.example/cancel', text: 'Cancel' });
    expect(page.resources).toEqual([{ tag: 'script', url: 'https://cdn.example/x.js' }]);
    expect(page.metas[0]).toEqual({ name: 'referrer', content: 'no-referrer' });
  });

  it('builds the form data set with only the chosen submitter', () => {
    const deny = form.controls[6]!;
    expect(formData(form, deny)).toEqual([['tx', 'a"b'], ['user', ''], ['pw', ''], ['lang', 'fr'], ['decision', 'deny']]);
  });

  it('decodes hex, decimal and named character references in values, actions and text', () => {
    const p = parseHtml(
      `<form action="https:&#x2F;&#x2F;as.example&#47;cb&#x3F;a=1&amp;b=2"><input name="return_to" value="&#x2F;authorize&#x3F;client_id&#x3D;c&#38;scope&#61;a&#x20;b">` +
        `<input name=n value="caf&eacute; &#xE9;&#233; &lt;&gt; &apos;&quot;"><input name=bare value=&#x41;&#66;C><button>&#x4F;K&nbsp;now</button></form>`,
      'https://as.example/login',
    );
    const f = p.forms[0]!;
    expect(f.action).toBe('https://as.example/cb?a=1&b=2');
    expect(formData(f)).toEqual([
      ['return_to', '/authorize?client_id=c&scope=a b'],
      ['n', 'café éé <> \'"'],
      ['bare', 'ABC'],
    ]);
    expect(f.controls[3]!.text).toBe('OK now'); // text is white-space folded, &nbsp; included
  });

  it('associates controls with their form by the form attribute and ignores controls outside forms', () => {
    const p = parseHtml('<form id=a action=/a></form><input name=outside value=1><input form=a name=owned value=2>', 'https://as.example/');
    expect(formData(p.forms[0]!)).toEqual([['owned', '2']]);
  });

  it('gives a page’s title and first paragraph for messages, and the login error outside the heading', () => {
    const html = '<html><head><title>T</title></head><body><h1>Sign in to <b>app</b></h1><p class=err>Wrong&#x20;password</p><p>more</p></body></html>';
    expect(pageText(html)).toEqual({ title: 'Sign in to app', detail: 'Wrong password' });
    expect(firstParagraph(html)).toBe('Wrong password');
    expect(pageText('<title>Only a title</title><div>some   text</div>')).toEqual({ title: 'Only a title', detail: 'some text' });
    expect(pageText('')).toEqual({ title: 'error page', detail: '' });
    expect(firstParagraph('<h1>x</h1><div>no paragraph</div>')).toBe('');
  });
});

describe('consent pages through the one reader', () => {
  const page = `<form method="post"><input type=hidden name=txn value="t&#x2D;1"><label><input type="checkbox" name="scope" value="read&#x3A;all" checked></label>
    <input name='scope' type=checkbox value="write" disabled><input type="submit" value="Allow"></form>`;
  it('finds controls by name whatever the quoting, with character references decoded', () => {
    expect(controlsNamed(page, 'txn').map((c) => c.value)).toEqual(['t-1']);
    expect(controlsNamed(page, 'scope').map((c) => [c.value, c.type, c.attrs.disabled !== undefined])).toEqual([['read:all', 'checkbox', false], ['write', 'checkbox', true]]);
  });
  it('gives the scopes a consent form offers (diagnoses), or undefined for a page without them', () => {
    expect(consentScopes(page)).toEqual(['read:all', 'write']);
    expect(consentScopes('<form><input name="username"></form>')).toBeUndefined();
  });
});
