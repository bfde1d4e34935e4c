// The store builds (Chrome and Firefox) ask for nothing beyond tests/permissions-allowlist.json, and
// their content scripts are declared only for the regional sites with rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const allow = JSON.parse(readFileSync(join(root, 'tests/permissions-allowlist.json'), 'utf8'));
// Run with tsx (tests/e2e/run.mjs): the expected matches come from the same data as the build.
const { regionalMatches } = await import('../../utils/access/known-sites.ts');

for (const target of ['chrome-mv3', 'firefox-mv3']) {
  const file = join(root, '.output', target, 'manifest.json');
  test(
    `${target} manifest: every permission is allow-listed with a reason`,
    { skip: !existsSync(file) && 'not built' },
    () => {
      const m = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(m.manifest_version, 3);
      for (const key of ['permissions', 'optional_host_permissions']) {
        for (const p of m[key] ?? [])
          assert.ok(allow[key][p], `${key}: "${p}" is not in tests/permissions-allowlist.json`);
      }
      // Host permissions: exactly the regional sites with rules, nothing more.
      assert.ok(allow.host_permissions['regional-sites']);
      assert.deepEqual(m.host_permissions ?? [], regionalMatches());
      assert.deepEqual(m.optional_permissions ?? [], [], 'no optional API permission');
      for (const cs of m.content_scripts ?? []) {
        for (const pattern of cs.matches) {
          assert.ok(
            !/<all_urls>|^\*:\/\/\*\/|^https?:\/\/\*\//.test(pattern),
            `content script on every site: ${pattern}`,
          );
          assert.match(pattern, /^https:\/\/\*\.[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/, pattern);
        }
        assert.deepEqual(cs.matches, regionalMatches());
      }
      for (const war of m.web_accessible_resources ?? [])
        for (const r of war.resources) assert.ok(allow.web_accessible_resources[r], `web-accessible: ${r}`);
      // A strict CSP for extension pages: our own scripts only, no plugins, no <base> tricks.
      const csp = m.content_security_policy?.extension_pages ?? '';
      const directives = Object.fromEntries(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...values]) => [name, values]),
      );
      assert.deepEqual(directives['script-src'], ["'self'"], 'scripts: our own files only');
      assert.deepEqual(directives['object-src'], ["'none'"]);
      assert.deepEqual(directives['base-uri'], ["'none'"]);
      assert.deepEqual(directives['default-src'], ["'self'"]);
      assert.ok(!csp.includes('unsafe-eval') && !csp.includes('unsafe-inline'), csp);
    },
  );
}
