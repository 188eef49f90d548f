// @vitest-environment node
/**
 * Latest-wins queue of the model worker: requests that pile up while one runs are collapsed
 * to the newest, every request is settled exactly once, stale results are never delivered.
 */
import { describe, expect, it } from 'vitest';
import { createLatestQueue, StaleJob, type Outcome } from '../../src/app/worker/queue.ts';

interface Deferred {
  resolve(v: string): void;
  reject(e: unknown): void;
}

/** A queue whose jobs finish when the test says, with a hand-cranked scheduler. */
function harness() {
  const ran: number[] = [];
  const gates = new Map<number, Deferred>();
  const settled: Array<[number, Outcome<string>]> = [];
  const ticks: Array<() => void> = [];
  let stale: () => boolean = () => false;
  const queue = createLatestQueue<number, string>({
    run: (job, isStale) => {
      ran.push(job);
      stale = isStale;
      return new Promise<string>((resolve, reject) => gates.set(job, { resolve, reject }));
    },
    settle: (job, outcome) => settled.push([job, outcome]),
    schedule: (start) => ticks.push(start),
  });
  const tick = () => ticks.splice(0).forEach((t) => t());
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { queue, ran, gates, settled, tick, flush, isStale: () => stale() };
}

const superseded = { ok: false, superseded: true };

describe('createLatestQueue', () => {
  it('runs a lone request and settles it with its value', async () => {
    const h = harness();
    h.queue.push(1);
    expect(h.ran).toEqual([]); // deferred: a burst of messages coalesces even at the start
    h.tick();
    expect(h.ran).toEqual([1]);
    h.gates.get(1)!.resolve('one');
    await h.flush();
    expect(h.settled).toEqual([[1, { ok: true, value: 'one' }]]);
  });

  it('computes only the newest of the requests queued while one runs', async () => {
    const h = harness();
    h.queue.push(1);
    h.tick();
    for (const job of [2, 3, 4, 5]) h.queue.push(job);
    expect(h.settled).toEqual([[2, superseded], [3, superseded], [4, superseded]]);
    expect(h.queue.waiting).toBe(true);
    h.gates.get(1)!.resolve('one');
    await h.flush();
    // Job 1 finished after newer input arrived: its result is stale and is not delivered.
    expect(h.settled[3]).toEqual([1, superseded]);
    h.tick();
    expect(h.ran).toEqual([1, 5]);
    h.gates.get(5)!.resolve('five');
    await h.flush();
    expect(h.settled[4]).toEqual([5, { ok: true, value: 'five' }]);
    expect(h.settled.map(([job]) => job).sort()).toEqual([1, 2, 3, 4, 5]); // each settled once
    expect([h.queue.busy, h.queue.waiting]).toEqual([false, false]);
  });

  it('a burst before the first start computes only the last', () => {
    const h = harness();
    h.queue.push(1);
    h.queue.push(2);
    h.queue.push(3);
    h.tick();
    expect(h.ran).toEqual([3]);
    expect(h.settled).toEqual([[1, superseded], [2, superseded]]);
  });

  it('tells a running job when it became stale, and StaleJob settles it as superseded', async () => {
    const h = harness();
    h.queue.push(1);
    h.tick();
    expect(h.isStale()).toBe(false);
    h.queue.push(2);
    expect(h.isStale()).toBe(true);
    h.gates.get(1)!.reject(new StaleJob());
    await h.flush();
    expect(h.settled).toEqual([[1, superseded]]);
  });

  it('passes errors on, and keeps serving after them', async () => {
    const h = harness();
    h.queue.push(1);
    h.tick();
    const boom = new Error('boom');
    h.gates.get(1)!.reject(boom);
    await h.flush();
    expect(h.settled).toEqual([[1, { ok: false, superseded: false, error: boom }]]);
    h.queue.push(2);
    h.tick();
    h.gates.get(2)!.resolve('two');
    await h.flush();
    expect(h.settled[1]).toEqual([2, { ok: true, value: 'two' }]);
  });

  it('turns a synchronous throw of run into an error outcome', async () => {
    const settled: Array<Outcome<number>> = [];
    const q = createLatestQueue<number, number>({
      run: () => {
        throw new Error('sync');
      },
      settle: (_, o) => settled.push(o),
      schedule: (start) => start(),
    });
    q.push(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toEqual([{ ok: false, superseded: false, error: new Error('sync') }]);
  });

  it('works with the default scheduler (a zero timeout)', async () => {
    const settled: Array<[number, Outcome<number>]> = [];
    const q = createLatestQueue<number, number>({ run: (n) => n * 2, settle: (j, o) => settled.push([j, o]) });
    q.push(1);
    q.push(2);
    await new Promise((r) => setTimeout(r, 5));
    expect(settled).toEqual([[1, superseded], [2, { ok: true, value: 4 }]]);
  });
});
