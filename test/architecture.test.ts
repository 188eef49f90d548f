/**
 * Keeps the house one-way: runtime -> models -> (checkpoints, train, viz, store) ->
 * components -> app/lessons. Reads every import statement in src/ and lessons/ and fails on
 * any import that points up a floor, on React, zustand or the store in src/viz, and on Node
 * built-ins where code must run in a browser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/shared.ts';

/** Floor of each top folder; a file may import its own folder or lower floors only. */
const FLOORS: Record<string, number> = {
  'src/runtime': 0,
  'src/tokenizers': 1,
  'src/models': 1,
  'src/data': 1,
  'src/node': 1, // Node-only glue for the runtime (worker threads)
  'src/checkpoints': 2,
  'src/train': 3,
  'src/viz': 3,
  'src/store': 4,
  'src/components': 5,
  'src/app': 6,
  'lessons': 6,
  'src/cli': 6,
};

/** Folders whose code runs in the page or a Web Worker: no Node built-ins. */
const BROWSER_SAFE = ['src/runtime', 'src/tokenizers', 'src/models', 'src/data', 'src/checkpoints', 'src/train', 'src/viz', 'src/store', 'src/components', 'src/app', 'lessons'];

/** Packages that src/viz must not import: its d3 factories stay usable without React or a store. */
const FRAMEWORKS = ['react', 'react-dom', 'zustand'];

/** The app shell and the lessons are one top floor: the shell lists and loads the lessons, lessons use the shell's widgets. */
function sharedTop(a: string, b: string): boolean {
  const top = new Set(['src/app', 'lessons']);
  return top.has(a) && top.has(b);
}

function files(dir: string): string[] {
  const abs = join(repoRoot, dir);
  let out: string[] = [];
  for (const name of readdirSync(abs)) {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) out = out.concat(files(join(dir, name)));
    else if (/\.(ts|tsx|mdx)$/.test(name)) out.push(join(dir, name));
  }
  return out;
}

function folderOf(file: string): string | undefined {
  return Object.keys(FLOORS).find((f) => file === f || file.startsWith(`${f}/`));
}

function imports(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found;
}

const all = [...files('src'), ...(safeExists('lessons') ? files('lessons') : [])];

function safeExists(dir: string): boolean {
  try {
    return statSync(join(repoRoot, dir)).isDirectory();
  } catch {
    return false;
  }
}

describe('architecture', () => {
  it('every source file sits in a known floor', () => {
    expect(all.filter((f) => folderOf(f) === undefined)).toEqual([]);
  });

  it('imports never point up a floor', () => {
    const upward: string[] = [];
    for (const file of all) {
      const from = folderOf(file) as string;
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(repoRoot, resolve(dirname(join(repoRoot, file)), spec));
        const to = folderOf(target);
        if (to && to !== from && FLOORS[to] >= FLOORS[from] && !sharedTop(from, to)) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('src/viz stays framework-free: no React, react-dom, zustand or src/store', () => {
    const found: string[] = [];
    for (const file of all.filter((f) => folderOf(f) === 'src/viz')) {
      if (file.endsWith('.tsx')) found.push(`${file}: JSX compiles to React calls`);
      for (const spec of imports(file)) {
        const pkg = spec.startsWith('.') ? undefined : FRAMEWORKS.find((name) => spec === name || spec.startsWith(`${name}/`));
        const target = spec.startsWith('.') ? relative(repoRoot, resolve(dirname(join(repoRoot, file)), spec)) : '';
        if (pkg || folderOf(target) === 'src/store') found.push(`${file} imports ${spec}`);
      }
    }
    expect(
      found,
      'src/viz holds framework-free d3 factories (createX(el, opts) -> { update, destroy }); ' +
        'React wrappers belong in src/components, and data from the store comes in through update()',
    ).toEqual([]);
  });

  it('browser code uses no Node built-ins', () => {
    const nodeUse: string[] = [];
    for (const file of all.filter((f) => BROWSER_SAFE.includes(folderOf(f) as string))) {
      for (const spec of imports(file)) if (spec.startsWith('node:') || ['fs', 'path', 'os', 'worker_threads', 'child_process'].includes(spec)) nodeUse.push(`${file}: ${spec}`);
      if (/\bprocess\.(env|argv|exit)|\brequire\(|\bBuffer\./.test(readFileSync(join(repoRoot, file), 'utf8'))) nodeUse.push(`${file}: process/require/Buffer`);
    }
    expect(nodeUse).toEqual([]);
  });
});
