import { describe, expect, it } from 'vitest';
import { AtCapacity, concurrencyCap } from './concurrency-cap.ts';

/** A task that runs until the test lets it finish, and says whether it has started. */
function heldTask(result: string) {
  const task = { started: false, finish: () => {} };
  const run = () =>
    new Promise<string>((resolve) => {
      task.started = true;
      task.finish = () => resolve(result);
    });
  return Object.assign(task, { run });
}

/** Lets every promise callback queued so far run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('concurrencyCap', () => {
  it('runs as many at once as allowed, lines up a few more, and refuses the one after', async () => {
    const cap = concurrencyCap({ atOnce: 2, waiting: 1 });
    const [first, second, third] = [heldTask('first'), heldTask('second'), heldTask('third')];
    const results = [first, second, third].map((task) => cap.run(task.run));
    await settle();
    expect([first.started, second.started, third.started]).toEqual([true, true, false]);

    await expect(cap.run(async () => 'fourth')).rejects.toBeInstanceOf(AtCapacity);

    // A place frees: the one in line starts, and the line has room again.
    first.finish();
    await settle();
    expect(third.started).toBe(true);
    const fourth = cap.run(async () => 'fourth');
    second.finish();
    third.finish();
    expect(await Promise.all([...results, fourth])).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it('frees the place of a task that fails', async () => {
    const cap = concurrencyCap({ atOnce: 1, waiting: 0 });
    await expect(cap.run(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(await cap.run(async () => 'next')).toBe('next');
  });
});
