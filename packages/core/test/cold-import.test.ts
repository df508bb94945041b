import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// Importing core must not load zod, ky or dotenv: each costs tens of milliseconds (issue 16) and
// is loaded when first needed instead. Structural checks on the built package, not timings.

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const DEFERRED = ['zod', 'ky', 'dotenv'];

/** The bare specifiers a built entry imports statically, following its relative chunks. */
function staticPackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // `import … from "x"` and `export … from "x"` at the top of an ES module; `import("x")` is not matched.
    for (const match of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gms)) {
      const specifier = (match[1] ?? match[2]) as string;
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(path.join(dist, entry));
  return packages;
}

// `require()` (how core loads CommonJS dotenv and, synchronously, zod) bypasses the ES module
// resolve hook, so the child also prints the files in the CommonJS module cache.
const PRINT_REQUIRED = `const { createRequire } = await import('node:module');
console.log(JSON.stringify(Object.keys(createRequire(process.cwd() + '/').cache)));`;

/** The URLs a fresh Node process resolves while it runs `code` (in which `COLD_IMPORT_DIR` is a scratch folder), recorded by a resolve hook. */
function resolvedWhile(code: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'video-gen-cold-import-'));
  try {
    const log = path.join(dir, 'resolved.txt');
    const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        `data:text/javascript,${encodeURIComponent(register)}`,
        '--input-type=module',
        '-e',
        `${code}\n${PRINT_REQUIRED}`,
      ],
      { encoding: 'utf8', env: { ...process.env, VIDEO_GEN_LOG_FILE: 'off', COLD_IMPORT_DIR: dir } },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const required = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
    return [...readFileSync(log, 'utf8').trim().split('\n'), ...required];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const loads = (urls: readonly string[], name: string) =>
  urls.some((url) => url.includes(`/node_modules/${name}/`));
const coreUrl = pathToFileURL(path.join(dist, 'index.js')).href;

describe('importing @video-gen/core', () => {
  it('imports none of zod, ky and dotenv at the top of its built ES modules', () => {
    for (const entry of ['index.js', 'ffmpeg.js']) {
      const packages = [...staticPackages(entry)];
      expect(packages.length).toBeGreaterThan(0); // node: built-ins at least: the scan works
      expect(packages.filter((name) => DEFERRED.includes(name))).toEqual([]);
    }
  });

  it('does not require them at the top of its CommonJS build either', () => {
    const text = readFileSync(path.join(dist, 'index.cjs'), 'utf8');
    const top = [...text.matchAll(/^var \w+ = (?:__toESM\()?require\("([^"]+)"\)/gm)].map((m) => m[1]);
    expect(top).toContain('node:fs');
    expect(top.filter((name) => DEFERRED.includes(name as string))).toEqual([]);
  });

  it('loads none of them in a fresh process, and loads each once it is needed', () => {
    const idle = resolvedWhile(`await import(${JSON.stringify(coreUrl)});`);
    expect(idle).toContain(coreUrl);
    expect(DEFERRED.filter((name) => loads(idle, name))).toEqual([]);

    // The same process shape, now using what needs each of them: the test above is not vacuous.
    const busy = resolvedWhile(`
      const core = await import(${JSON.stringify(coreUrl)});
      core.envBoolean();
      await core.createHttpClient({ fetch: async () => new Response('{}') }).get('https://example.com/').json();
      const { writeFileSync } = await import('node:fs');
      const dir = process.env.COLD_IMPORT_DIR;
      writeFileSync(dir + '/.env', 'A=1\\n');
      if (core.readEnvironment({ cwd: dir, env: {} }).A !== '1') throw new Error('.env not read');
    `);
    expect(DEFERRED.filter((name) => loads(busy, name))).toEqual(DEFERRED);
  });
});
