/**
 * The README's "Use it in your own tests" example is the consumer test's
 * test/consumer/project/test/readme-example.spec.ts, word for word: CI runs that file from
 * the packed package, so the example a new user copies is known to work.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('README example = test/consumer/project/test/readme-example.spec.ts', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Use it in your own tests'));
  const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(example).toBe(readFileSync('test/consumer/project/test/readme-example.spec.ts', 'utf8'));
});
