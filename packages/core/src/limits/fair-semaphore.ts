/** Gives back a slot taken from a {@link FairSemaphore}; calling it again does nothing. */
export type Release = () => void;

/**
 * At most `limit` holders at once; the rest wait in arrival order (first come, first served), so
 * no caller starves behind later ones. A waiter whose signal aborts leaves the queue. Internal.
 */
export class FairSemaphore {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private max: number) {}

  /** Slots in use. */
  get holders(): number {
    return this.active;
  }

  /** Callers waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Changes the number of slots; raising it lets waiters in at once. */
  setLimit(limit: number): void {
    this.max = limit;
    this.drain();
  }

  /** Resolves with the release once a slot is free; rejects with the signal's reason on abort. */
  acquire(signal?: AbortSignal): Promise<Release> {
    signal?.throwIfAborted();
    if (this.active < this.max && this.queue.length === 0) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      const enter = () => {
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        resolve(this.releaser());
      };
      const onAbort = () => {
        const index = this.queue.indexOf(enter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(enter);
    });
  }

  /** Runs `work` holding a slot. */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await work();
    } finally {
      release();
    }
  }

  private releaser(): Release {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.active--;
      this.drain();
    };
  }

  private drain(): void {
    while (this.active < this.max && this.queue.length > 0) this.queue.shift()?.();
  }
}
