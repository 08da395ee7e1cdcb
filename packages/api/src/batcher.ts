/**
 * Groups calls made at the same moment into batches, so many requests can share one database
 * round trip and one commit. There is no timer: a call waits only while the allowed number of
 * batches is already running, and whatever gathered meanwhile leaves together when one finishes.
 * Alone, a call goes at once.
 */
export interface BatchOptions {
  /** Batches running at the same time; more calls wait and gather. */
  inFlight: number;
  /** Largest batch. */
  maxBatch: number;
}

interface Waiting<In, Out> {
  item: In;
  resolve: (value: Out) => void;
  reject: (reason: unknown) => void;
}

/**
 * `run` gets a batch and returns one outcome per item, in order: a value, or an `Error` for that
 * item alone. If `run` throws, every item of the batch fails with that error.
 */
export function batcher<In, Out>(
  run: (items: In[]) => Promise<(Out | Error)[]>,
  { inFlight, maxBatch }: BatchOptions,
): (item: In) => Promise<Out> {
  const queue: Waiting<In, Out>[] = [];
  let running = 0;

  function next(): void {
    while (running < inFlight && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      running++;
      run(batch.map((waiting) => waiting.item))
        .then(
          (outcomes) =>
            batch.forEach((waiting, index) => {
              const outcome = outcomes[index];
              if (outcome instanceof Error) waiting.reject(outcome);
              else waiting.resolve(outcome as Out);
            }),
          (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
        )
        .finally(() => {
          running--;
          next();
        });
    }
  }

  return (item) =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      next();
    });
}
