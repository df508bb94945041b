import { RateLimitError } from '../errors/api-request-error.js';
import { DEFAULT_MAX_CONNECTIONS_PER_ORIGIN } from './origin-limited-fetch.js';
import { type Ticket, VendorWindow } from './vendor-window.js';

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

/** A caller waiting for its turn. */
interface Waiter {
  readonly enter: (ticket: Ticket) => void;
  readonly first: boolean;
}

/** How a call waits its turn. */
export interface VendorCallOptions {
  /**
   * Goes ahead of the calls that do not say so (still behind earlier ones that do): for a call
   * made while holding a scarce local resource, such as a download slot, which would otherwise
   * stay taken for the whole queue.
   */
  readonly first?: boolean;
}

/** Retry-Afters without a 429 after which the learned pace is dropped (a pace too slow earns no 429 to correct it). */
const FORGET_AFTER_PAUSES = 4;
/** How long without a 429 before the learned window is dropped (the vendor's limits may have changed). */
const FORGET_WINDOW_MS = 60_000;
/** How far behind the learned pace the schedule may fall and still catch up, in ms. */
const SCHEDULE_SLACK_MS = 4;
/** Retry-Afters of history a 429 learns the pace from. */
const LEARN_OVER_PAUSES = 2;

/**
 * Spaces out one provider's vendor calls: at most `maxConcurrentRequests` in flight, at most
 * `requestsPerMinute` started in any minute, and none at all while the vendor has asked everyone
 * to back off (a 429's Retry-After pauses every caller, not only the one that got it).
 *
 * A 429's pause ends exactly at its Retry-After (the callers then come back at a pace, not all
 * in the same instant), and 429s teach the limiter the vendor's limit:
 * - the pace: the `n` calls the vendor accepted in the two Retry-Afters before the first 429
 *   after a pause are taken as what it takes per Retry-After, one call every `retryAfter / n` ms;
 * - the window ({@link VendorWindow}): once a pause has shown how soon the vendor takes calls
 *   again, the limiter keeps to the vendor's sliding window itself (at most that many calls in
 *   any such span), so steady load meets no 429 at all and leaves no part of the window unused.
 *   It is dropped after a minute without a 429.
 * Waiters are let in by one timer and one queue, first come first served (`first` callers
 * ahead of the rest).
 */
export class RequestLimiter {
  private active = 0;
  private readonly started: number[] = [];
  private pausedUntil = 0;
  private readonly waiters: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  /** Calls let in so far; each call's number tells whether it started before or after a 429. */
  private seq = 0;
  /** The number of the first call let in since the last pause ended; infinite while paused. */
  private runStart = 0;
  /** The learned gap between call starts, 0 when none is known. */
  private spacingMs = 0;
  private nextStartAt = 0;
  private lastLimitedAt = 0;
  private forgetAfterMs = 0;
  /** The vendor's window, as learned from its 429s. */
  private readonly window = new VendorWindow();

  constructor(private limits: ProviderLimits) {}

  /** Replaces the limits (the most recent caller's settings win). */
  configure(limits: ProviderLimits): void {
    this.limits = limits;
    this.pump();
  }

  /** Stops every caller from starting a call for `ms`. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
    this.runStart = Number.POSITIVE_INFINITY;
  }

  /**
   * Runs `call` once the limits allow it. A {@link RateLimitError} from it pauses every caller for
   * its Retry-After (1 s without one) and sets the pace after the pause; it is rethrown.
   */
  async run<T>(call: () => Promise<T>, signal?: AbortSignal, options?: VendorCallOptions): Promise<T> {
    const ticket = await this.acquire(signal, options?.first === true);
    try {
      const result = await call();
      this.window.accepted(ticket);
      return result;
    } catch (error) {
      if (RateLimitError.isInstance(error)) this.rateLimited(ticket, error.retryAfterMs ?? 1_000);
      throw error;
    } finally {
      this.active--;
      this.pump();
    }
  }

  /** A 429 for `ticket`: pause, and learn from the first 429 since the last pause. */
  private rateLimited(ticket: Ticket, retryAfterMs: number): void {
    if (ticket.seq >= this.runStart && retryAfterMs > 0) {
      const accepted = this.window.acceptedSince(ticket.at - retryAfterMs * LEARN_OVER_PAUSES, ticket);
      this.window.refused(ticket, this.runStart, retryAfterMs);
      if (accepted > 0) this.spacingMs = retryAfterMs / accepted;
    } else this.window.refusedLate(ticket);
    this.lastLimitedAt = Date.now();
    this.forgetAfterMs = retryAfterMs * FORGET_AFTER_PAUSES;
    this.pause(retryAfterMs);
  }

  private maxConcurrent(): number {
    const {
      maxConnectionsPerOrigin = DEFAULT_MAX_CONNECTIONS_PER_ORIGIN,
      maxConcurrentRequests = maxConnectionsPerOrigin,
    } = this.limits;
    return maxConcurrentRequests;
  }

  /** How long, from `now`, until the next call may start (ignoring the concurrency limit). */
  private waitFor(now: number): number {
    const { requestsPerMinute } = this.limits;
    while (this.started.length > 0 && this.started[0]! <= now - 60_000) this.started.shift();
    const windowLeft =
      requestsPerMinute !== undefined && this.started.length >= requestsPerMinute
        ? this.started[0]! + 60_000 - now
        : 0;
    if (this.spacingMs > 0 && now - this.lastLimitedAt > this.forgetAfterMs) this.spacingMs = 0;
    if (now - this.lastLimitedAt > FORGET_WINDOW_MS) this.window.forget();
    // The learned window replaces the pace once known.
    const vendorLeft = this.window.known ? this.window.waitFor(now) : 0;
    const spacingLeft = this.spacingMs > 0 && !this.window.known ? this.nextStartAt - now : 0;
    return Math.max(this.pausedUntil - now, windowLeft, vendorLeft, spacingLeft);
  }

  /** Takes a slot at `now`. */
  private enter(now: number): Ticket {
    this.active++;
    if (this.limits.requestsPerMinute !== undefined) this.started.push(now);
    const seq = this.seq++;
    const afterPause = this.runStart === Number.POSITIVE_INFINITY;
    if (afterPause) this.runStart = seq;
    if (this.spacingMs > 0) {
      // Timers fire a millisecond or more late, and the loop has other work: a schedule that is
      // behind by up to SCHEDULE_SLACK_MS catches up (else the pace would fall well short of the
      // one learned); after a pause it starts again from now.
      const from = afterPause ? now : Math.max(this.nextStartAt, now - SCHEDULE_SLACK_MS);
      this.nextStartAt = from + this.spacingMs;
    }
    const ticket: Ticket = { seq, at: now, refused: false, accepted: false };
    this.window.started(ticket);
    return ticket;
  }

  private acquire(signal: AbortSignal | undefined, first: boolean): Promise<Ticket> {
    signal?.throwIfAborted();
    const now = Date.now();
    if (this.waiters.length === 0 && this.active < this.maxConcurrent() && this.waitFor(now) <= 0) {
      return Promise.resolve(this.enter(now));
    }
    return new Promise<Ticket>((resolve, reject) => {
      const waiter: Waiter = {
        first,
        enter: (ticket) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(ticket);
        },
      };
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (first) {
        // Behind the other first ones, ahead of the rest (the first ones are few: one per download slot).
        let at = 0;
        while (at < this.waiters.length && this.waiters[at]!.first) at++;
        this.waiters.splice(at, 0, waiter);
      } else this.waiters.push(waiter);
      this.pump();
    });
  }

  /**
   * Lets waiters in, first come first served, while a slot is free and nothing asks to wait; else
   * sets the one timer for when the head of the line may go. Waking every waiter on each release
   * (a thundering herd) made 1000 queued jobs re-check the limits a thousand times per finished
   * call, in one unbroken run of microtasks: the event loop stalled for most of a second.
   */
  private pump(): void {
    const max = this.maxConcurrent();
    while (this.waiters.length > 0 && this.active < max) {
      const now = Date.now();
      const wait = this.waitFor(now);
      if (wait > 0) {
        this.wakeIn(now, wait);
        return;
      }
      this.waiters.shift()?.enter(this.enter(now));
    }
  }

  private wakeIn(now: number, wait: number): void {
    const at = now + wait;
    if (this.timer !== undefined && this.timerAt <= at) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.pump();
      },
      Math.max(1, Math.ceil(wait)),
    );
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
