import { sleep } from '../retry/sleep.js';
import { DEFAULT_MAX_CONNECTIONS_PER_ORIGIN } from './origin-limited-fetch.js';

/** How many vendor calls, connections and downloads one provider may use at once, in this process. */
export interface ProviderLimits {
  /**
   * Vendor calls (submit, status, download, through the vendor's SDK or not) in flight at once.
   * Default: `maxConnectionsPerOrigin` (16), since each call holds a connection to the vendor.
   */
  readonly maxConcurrentRequests?: number;
  /** Calls started per minute (a sliding window). Default: unlimited. */
  readonly requestsPerMinute?: number;
  /**
   * Requests the library's own fetch (downloads, core's HTTP client) keeps open to any one origin
   * for this provider, from the request until its body is read. Default 16.
   */
  readonly maxConnectionsPerOrigin?: number;
  /**
   * Video downloads running at once in this process, across every provider (a process-wide queue,
   * first come first served; the most recent caller's setting wins). Default 8.
   */
  readonly maxConcurrentDownloads?: number;
}

/**
 * Spaces out one provider's vendor calls: at most `maxConcurrentRequests` in flight, at most
 * `requestsPerMinute` started in any minute, and none at all while the vendor has asked everyone
 * to back off (a 429's Retry-After pauses every caller, not only the one that got it).
 */
export class RequestLimiter {
  private active = 0;
  private readonly started: number[] = [];
  private pausedUntil = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(private limits: ProviderLimits) {}

  /** Replaces the limits (the most recent caller's settings win). */
  configure(limits: ProviderLimits): void {
    this.limits = limits;
    this.wake();
  }

  /** Stops every caller from starting a call for `ms`. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  /** Runs `call` once the limits allow it. */
  async run<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await call();
    } finally {
      this.active--;
      this.wake();
    }
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) {
        // A caller woken for a free slot that leaves instead passes the wake on.
        this.wake();
        signal.throwIfAborted();
      }
      const now = Date.now();
      const {
        maxConnectionsPerOrigin = DEFAULT_MAX_CONNECTIONS_PER_ORIGIN,
        maxConcurrentRequests = maxConnectionsPerOrigin,
        requestsPerMinute,
      } = this.limits;
      while (this.started.length > 0 && this.started[0]! <= now - 60_000) this.started.shift();
      const pauseLeft = this.pausedUntil - now;
      const windowLeft =
        requestsPerMinute !== undefined && this.started.length >= requestsPerMinute
          ? this.started[0]! + 60_000 - now
          : 0;
      if (pauseLeft <= 0 && windowLeft <= 0 && this.active < maxConcurrentRequests) {
        this.active++;
        if (requestsPerMinute !== undefined) this.started.push(now);
        return;
      }
      const wait = Math.max(pauseLeft, windowLeft);
      // Spread the callers released by a pause over half as long again, so they do not all hit
      // the vendor in the same instant and earn the next 429 together.
      if (wait > 0) await sleep(pauseLeft > 0 ? wait + Math.random() * pauseLeft * 0.5 : wait, signal);
      else await this.nextWake(signal);
    }
  }

  /** Waits in line until {@link wake} picks this caller; leaves the line when `signal` aborts. */
  private nextWake(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const picked = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = this.waiters.indexOf(picked);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(picked);
    });
  }

  /**
   * Wakes as many waiting callers as there are free slots, first come first served. Waking every
   * waiter on each release (a thundering herd) made 1000 queued jobs re-check the limits a
   * thousand times per finished call, in one unbroken run of microtasks: the event loop stalled
   * for most of a second.
   */
  private wake(): void {
    const {
      maxConnectionsPerOrigin = DEFAULT_MAX_CONNECTIONS_PER_ORIGIN,
      maxConcurrentRequests = maxConnectionsPerOrigin,
    } = this.limits;
    for (let free = maxConcurrentRequests - this.active; free > 0 && this.waiters.length > 0; free--) {
      this.waiters.shift()?.();
    }
  }
}

// One limiter per provider id for the whole process, shared by every copy of core.
const LIMITERS = Symbol.for('video-gen.request-limiters');

/** The process-wide limiter of a provider; `limits`, when given, replace its current ones. */
export function limiterFor(providerId: string, limits?: ProviderLimits): RequestLimiter {
  const holder = globalThis as { [LIMITERS]?: Map<string, RequestLimiter> };
  holder[LIMITERS] ??= new Map();
  let limiter = holder[LIMITERS].get(providerId);
  if (!limiter) {
    limiter = new RequestLimiter(limits ?? {});
    holder[LIMITERS].set(providerId, limiter);
  } else if (limits) {
    limiter.configure(limits);
  }
  return limiter;
}
