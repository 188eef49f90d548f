/**
 * The command line as a user runs it: real processes, JSON on stdout, one clear line on
 * stderr and exit code 2 for bad input. Uses the reference checkpoints from ../shared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sharedPath } from '../helpers/shared.ts';

function run(script: 'attention' | 'generate' | 'eval', args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli', `${script}.ts`), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}

const stories = sharedPath('reference-models', 'stories260K');
const sorter = sharedPath('reference-models', 'gpt-nano-sort');

describe('npm run attention', () => {
  it('prints tokens with offsets, attention and the top next tokens for a text', () => {
    const text = 'The cat sat on the mat because it was tired.';
    const r = run('attention', ['--model', stories, '--text', text]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    const out = JSON.parse(r.lines[0]);
    expect(out.text).toBe(text);
    expect(out.tokens.map((t: { id: number }) => t.id)).toEqual([1, 291, 280, 294, 262, 294, 353, 265, 284, 294, 329, 429, 412, 425, 372, 312, 286, 259, 315, 266, 426]);
    expect(out.tokens[0]).toMatchObject({ start: null, end: null });
    expect(text.slice(out.tokens[1].start, out.tokens[1].end)).toBe('The');
    expect(out.attention).toHaveLength(5);
    expect(out.attention[0]).toHaveLength(8);
    expect(out.attention[4][7][20][0]).toBeCloseTo(0.43335, 4);
    expect(out.topNext.slice(0, 5)).toEqual([359, 338, 291, 346, 410]);
    expect(out.topNext).toHaveLength(10);
    expect(out.model).toMatchObject({ architecture: 'LlamaForCausalLM', layers: 5, heads: 8 });
  });

  it('prints one line per sentence of --input, in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    const file = join(dir, 'in.txt');
    writeFileSync(file, 'Once upon a time.\n\nThe dog ran.\nLily smiled.\n');
    const r = run('attention', ['--model', stories, '--input', file]);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => JSON.parse(l).text)).toEqual(['Once upon a time.', 'The dog ran.', 'Lily smiled.']);
  });

  it('accepts --ids for a model without a tokenizer', () => {
    const r = run('attention', ['--model', sorter, '--ids', '2,0,1,1,0,2']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.lines[0]);
    expect(out.tokens.map((t: { id: number }) => t.id)).toEqual([2, 0, 1, 1, 0, 2]);
    expect(out.attention).toHaveLength(3);
    // Causal: the first query sees only itself.
    expect(out.attention[0][0][0]).toEqual([1, 0, 0, 0, 0, 0]);
  });
});

describe('npm run generate', () => {
  it('decodes greedily like the reference (Llama)', () => {
    const r = run('generate', ['--model', stories, '--text', 'Once upon a time, there was a little girl named Lily.', '--max-new', '12']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.lines[0]);
    expect(out.ids).toEqual([338, 401, 396, 267, 337, 410, 408, 419, 292, 411, 322, 265]);
    expect(out.text).toBe(' She loved to play outside in the');
  });

  it('sorts digits with the GPT-2 sorter', () => {
    const r = run('generate', ['--model', sorter, '--ids', '1,1,0,2,2,0', '--max-new', '6']);
    expect(JSON.parse(r.lines[0])).toEqual({ ids: [0, 0, 1, 1, 2, 2], text: null });
  });
});

describe('npm run eval', () => {
  it('re-measures sort-demo and finds the numbers on its card', () => {
    const r = run('eval', ['sort-demo']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.lines[0]);
    expect(out.matchesCard).toBe(true);
    expect(out.evaluation.exactMatch).toBeGreaterThanOrEqual(0.99);
  });
});

describe('bad input: one line on stderr, exit code 2', () => {
  const cases: Array<[string, 'attention' | 'generate' | 'eval', string[], RegExp]> = [
    ['unknown model', 'attention', ['--model', 'no-such-model', '--text', 'hi'], /unknown model "no-such-model"/],
    ['missing input file', 'attention', ['--model', stories, '--input', '/no/such/file.txt'], /input file not found/],
    ['empty text', 'attention', ['--model', stories, '--text', '   '], /text is empty/],
    ['over-long text', 'attention', ['--model', stories, '--text', 'word '.repeat(5000)], /characters; the limit|at most 512/],
    ['too many tokens', 'attention', ['--model', sorter, '--ids', Array(12).fill(1).join(',')], /at most 11/],
    ['id outside the vocabulary', 'generate', ['--model', sorter, '--ids', '0,7', '--max-new', '2'], /outside the vocabulary of 3/],
    ['text without a tokenizer', 'attention', ['--model', sorter, '--text', 'hi'], /no tokenizer/],
    ['no input', 'attention', ['--model', stories], /exactly one of/],
    ['bad --ids', 'attention', ['--model', stories, '--ids', '1,x'], /--ids must be/],
    ['unknown option', 'attention', ['--model', stories, '--txt', 'hi'], /unknown option --txt/],
    ['eval of an unknown model', 'eval', ['no-such-model'], /unknown model "no-such-model"/],
    ['bad --max-new', 'generate', ['--model', stories, '--text', 'hi', '--max-new', '-3'], /--max-new must be/],
  ];
  for (const [name, script, args, message] of cases) {
    it(name, () => {
      const r = run(script, args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    });
  }

  it('a malformed checkpoint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-bad-'));
    mkdirSync(join(dir, 'm'));
    copyFileSync(join(sorter, 'config.json'), join(dir, 'm', 'config.json'));
    const bytes = new Uint8Array(64);
    new DataView(bytes.buffer).setUint32(0, 1_000_000, true); // header length past the end
    writeFileSync(join(dir, 'm', 'model.safetensors'), bytes);
    const r = run('attention', ['--model', join(dir, 'm'), '--ids', '0,1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/header/i);
  });

  it('a config.json that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-bad-'));
    writeFileSync(join(dir, 'config.json'), '{ not json');
    writeFileSync(join(dir, 'model.safetensors'), new Uint8Array(16));
    const r = run('attention', ['--model', dir, '--ids', '0,1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config.json is not valid JSON/);
  });
});
