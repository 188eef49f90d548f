// @vitest-environment jsdom
/**
 * Lesson 6's generation figure as the student uses it. With tiny-gpt (the default, computed
 * on the page) "Next token" and "Next 10 tokens" write exactly the seeded tokens the sampler
 * draws from lastLogits. An encoder chosen from a link, and an empty prompt, get a sentence
 * saying why nothing is generated. A folder model (the stories260K Llama, read in place from
 * ../shared) computes in the model worker (the real handler in process, standing in for the
 * browser's Worker): its greedy tokens are the published ones, shown as text, a step says
 * how long it took, Stop ends a run early, and a worker crash shows a message, keeps the text
 * and recovers on "Try again".
 */
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadBundle, type ModelBundle } from '../../src/checkpoints/bundle.ts';
import { lastLogits } from '../../src/models/generate.ts';
import { initialState, useAtlas } from '../../src/store/index.ts';
import { chooseNext } from '../../lessons/transformer/model/sampling.ts';
import { GenerationFigure } from '../../lessons/transformer/steps/Generation.tsx';
import { repoRoot, sharedPath } from '../helpers/shared.ts';
import { folderOf, InProcessWorker, referenceRef } from '../worker/generation-worker.ts';

// A folder model counts as downloaded: the download panel is ModelChooser's concern, not this figure's.
vi.mock('../../src/components/explorer/use-remote-model.ts', async (original) => ({
  ...(await original<typeof import('../../src/components/explorer/use-remote-model.ts')>()),
  useRemoteModel: (id: string) => ({ s: { state: id.startsWith('url:') ? 'cached' : 'builtin' }, lookUp() {}, download() {}, cancel() {}, retry() {} }),
}));

/** The browser's Worker, as the page's connection makes it: the real handler in process. */
class PageWorker extends InProcessWorker {
  static made: PageWorker[] = [];
  constructor() {
    super();
    PageWorker.made.push(this);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

/** fetch for the page's course models: public/models, read from disk. */
async function serveModels(input: RequestInfo | URL): Promise<Response> {
  const path = new URL(String(input), 'http://localhost/').pathname.replace(/^\//, '');
  try {
    return new Response(readFileSync(join(repoRoot, 'public', path)), { status: 200, headers: { 'content-type': 'application/octet-stream' } });
  } catch {
    return new Response('', { status: 404 });
  }
}

let gpt: ModelBundle & { kind: 'text' };
let llama: ModelBundle & { kind: 'text' };
beforeAll(async () => {
  for (const [id, set] of [['tiny-gpt', (b: typeof gpt) => (gpt = b)], [referenceRef('stories260K'), (b: typeof gpt) => (llama = b)]] as const) {
    const b = await loadBundle(id, folderOf(id));
    if (b.kind !== 'text') throw new Error(`${id} should be a text model`);
    set(b);
  }
});

beforeEach(() => {
  useAtlas.setState({ ...initialState });
  vi.stubGlobal('fetch', vi.fn(serveModels));
  vi.stubGlobal('Worker', PageWorker);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const setInputs = (inputs: Record<string, string>) => useAtlas.setState({ lessonInputs: { transformer: inputs } });
const generatedTexts = () => within(screen.getByLabelText('Text so far')).queryAllByText(/.*/, { selector: '.is-generated' }).map((e) => e.textContent);

/** The tokens the seeded sampler writes after `prompt` on `bundle`, n of them. */
function expectedDraws(bundle: typeof gpt, prompt: string, temperature: number, seed: number, n: number): number[] {
  const ids = bundle.tokenizer!.encode(prompt).map((t) => t.id);
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(chooseNext(lastLogits(bundle.model, [...ids, ...out]), temperature, seed, k).id);
  return out;
}

describe('the course model, computed on the page', () => {
  it('writes the seeded draws, one click or ten, as the step did before', async () => {
    render(<GenerationFigure />);
    await screen.findByText(/P\(next token\) at T = 0\.80/);
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveValue('tiny-gpt');
    expect(screen.getByRole('status')).toHaveTextContent(/Computed on this page in [\d.]+ ms: all \d+ tokens went through 4 layers again/);
    const want = expectedDraws(gpt, "The animal didn't cross the street because it was too", 0.8, 1, 11);
    const word = (id: number) => (id === gpt.tokenizer!.specialIds.sep ? '[end]' : gpt.tokenizer!.idToToken(id));

    fireEvent.click(screen.getByRole('button', { name: 'Next token' }));
    expect(generatedTexts()).toEqual([word(want[0])]);

    fireEvent.click(screen.getByRole('button', { name: 'Next 10 tokens' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull());
    const end = want.indexOf(gpt.tokenizer!.specialIds.sep!);
    expect(generatedTexts()).toEqual((end >= 0 ? want.slice(0, end + 1) : want).map(word));
    if (end >= 0) expect(screen.getByText(/The model wrote its end token: this text is finished/)).toBeInTheDocument();
  });

  it('refuses an encoder named in a link, with the reason', async () => {
    setInputs({ checkpoint: 'coref' });
    render(<GenerationFigure />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/coref \(BertForMaskedLM\) is an encoder: every token sees the whole text, both ways/);
    expect(screen.queryByRole('button', { name: 'Next token' })).toBeNull();
  });

  it('asks for a prompt when the box is emptied', async () => {
    render(<GenerationFigure />);
    await screen.findByText(/P\(next token\)/);
    fireEvent.change(screen.getByRole('textbox', { name: 'Prompt' }), { target: { value: '' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Type a prompt to continue.');
  });
});

describe('a folder model, computed in the model worker', () => {
  const published = JSON.parse(readFileSync(sharedPath('reference-models', 'stories260K', 'expected_public.json'), 'utf8')) as Array<{ prompt: string; ids: number[]; greedy: number[] }>;

  it('writes the published greedy tokens as text, says how long a step took, and stops on Stop', async () => {
    const e = published[0];
    setInputs({ checkpoint: referenceRef('stories260K'), prompt: e.prompt, temperature: '0' });
    render(<GenerationFigure />);
    await screen.findByText(/P\(next token\) at T = 0\.00 \(greedy\)/, {}, { timeout: 10_000 });
    expect(screen.getByLabelText('Text so far')).toHaveTextContent(/Once.*Lily\./);
    fireEvent.click(screen.getByRole('button', { name: 'Next 10 tokens' }));
    await waitFor(() => expect(generatedTexts()).toHaveLength(10), { timeout: 10_000 });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Computed in the model worker in [\d.]+ ms: all 26 tokens went through 5 layers again/));
    const tok = llama.tokenizer!;
    expect(generatedTexts().join('').replace(/␣/g, ' ')).toBe(tok.decode([...e.ids, ...e.greedy.slice(0, 10)]).slice(tok.decode(e.ids).length)); // a lone space shows as ␣

    fireEvent.click(screen.getByRole('button', { name: 'Next 10 tokens' }));
    await waitFor(() => expect(generatedTexts().length).toBeGreaterThan(10));
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next 10 tokens' })).toBeEnabled());
    expect(generatedTexts().length).toBeLessThan(20);
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
  });

  it('a worker crash: a message, the text kept, and Try again recovers', async () => {
    setInputs({ checkpoint: referenceRef('stories260K'), prompt: 'The cat sat on the mat because it was tired.', temperature: '0' });
    render(<GenerationFigure />);
    await screen.findByText(/P\(next token\)/, {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Next token' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next token' })).toBeEnabled());
    const kept = generatedTexts();
    expect(kept).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Next token' }));
    act(() => PageWorker.made[PageWorker.made.length - 1].crash('out of memory'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/The model worker stopped \(out of memory\).*The text so far is kept\./);
    expect(generatedTexts()).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Next token' })).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next token' })).toBeEnabled(), { timeout: 10_000 });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(generatedTexts()[0]).toBe(kept[0]);
  });
});
