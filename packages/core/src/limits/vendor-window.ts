/**
 * A call let in by the limiter: its number, its start time, and what the vendor said: refused
 * (429), accepted (any other answer), or nothing yet.
 */
export interface Ticket {
  readonly seq: number;
  readonly at: number;
  refused: boolean;
  accepted: boolean;
}

/** Calls kept for learning: enough for several windows of a busy vendor. */
const MAX_HISTORY = 4096;
/** Added to the learned window, for the time between a start here and its arrival at the vendor. */
const WINDOW_MARGIN_MS = 1;
/** Retry-Afters before the first 429 whose accepted calls are taken for the vendor's limit. */
const LIMIT_OVER_RETRY_AFTERS = 2;
/** 429s under a proved window before learning stops until the limiter forgets. */
const MAX_FAILURES = 3;
/** The learned window is searched for while its bounds are further apart than this, and than this share of it. */
const PROBE_UNTIL_MS = 2;
const PROBE_UNTIL_SHARE = 0.02;

/**
 * What 429s teach about a vendor that admits at most `calls` call starts in any `windowMs` (a
 * sliding window, the usual rate limit), so the limiter can start calls exactly as fast as the
 * vendor takes them instead of pausing after each refusal.
 *
 * - `calls`: at the first 429 with nothing learned, the calls the vendor accepted since the
 *   previous pause; at a 429 the learned window allowed, the calls it counted then (the vendor's
 *   limit can be no more).
 * - `windowMs`: every accepted call proves the vendor had dropped the `calls`-th accepted call
 *   before it from its window, so the window is at most the time between the two; the shortest
 *   such time seen is the window (it only shrinks, and is never below the vendor's).
 *
 * Until both are known (one pause after the first 429), the limiter falls back on its pace.
 */
export class VendorWindow {
  /** Every call started, oldest first, consecutive numbers. */
  private readonly history: Ticket[] = [];
  private calls = 0;
  /** The longest the window can be (proved by an accepted call). */
  private windowMs = Number.POSITIVE_INFINITY;
  /** The window is longer than this (proved by a refused one). */
  private longerThanMs = 0;
  /** 429s the proved window let through since the limiter last forgot. */
  private failures = 0;

  /** Whether both the limit and its window are known. */
  get known(): boolean {
    return this.calls > 0 && Number.isFinite(this.windowMs);
  }

  /** Forgets what was learned (the vendor's limits may have changed). */
  forget(): void {
    this.failures = 0;
    this.calls = 0;
    this.windowMs = Number.POSITIVE_INFINITY;
    this.longerThanMs = 0;
  }

  /**
   * The window the limiter keeps to: halfway between what is proved too short and what is proved
   * long enough, while those are more than 2% (2 ms at least) apart, else the proved one. A try
   * that holds moves the upper bound down; one that is too short costs a 429 and its pause and
   * moves the lower bound up.
   */
  private get tryMs(): number {
    const gap = this.windowMs - this.longerThanMs;
    const close = Math.max(PROBE_UNTIL_MS, this.windowMs * PROBE_UNTIL_SHARE);
    return gap > close ? Math.ceil(this.longerThanMs + gap / 2) : this.windowMs;
  }

  /** Notes a call started. */
  started(ticket: Ticket): void {
    if (this.history.length >= MAX_HISTORY) this.history.shift();
    this.history.push(ticket);
  }

  /** Calls accepted that started after `since` and before `ticket`. */
  acceptedSince(since: number, ticket: Ticket): number {
    return this.countIn(since, ticket);
  }

  /** Notes a call the vendor accepted: the window is at most the time since the `calls`-th accepted call before it. */
  accepted(ticket: Ticket): void {
    ticket.accepted = true;
    if (this.calls === 0) return;
    const before = this.acceptedBefore(ticket, this.calls);
    if (before !== undefined) this.windowMs = Math.min(this.windowMs, ticket.at - before.at);
  }

  /**
   * Notes the first 429 after a pause, for a call that started in the run of calls beginning with
   * number `runStart`.
   */
  refused(ticket: Ticket, runStart: number, retryAfterMs: number): void {
    ticket.refused = true;
    if (this.known) {
      if (this.tryMs < this.windowMs) {
        // A try below the proved window failed: the window is longer than that.
        this.provedLonger(ticket);
        return;
      }
      // The proved window let in a call the vendor refused: the limit is lower than learned (or
      // the vendor is not a plain sliding window). Learn again with one call less; after a few
      // such failures, give up until the limiter forgets (the pace then spaces calls out).
      this.failures++;
      this.calls = this.failures >= MAX_FAILURES ? 0 : this.calls - 1;
      this.windowMs = Number.POSITIVE_INFINITY;
      this.longerThanMs = 0;
    } else if (this.calls === 0 && this.failures < MAX_FAILURES) {
      // Calls still in flight started before the refused one: the vendor most likely took them.
      // A vendor's Retry-After is at most its window (the time until its oldest call leaves it):
      // the calls of the last two Retry-Afters of this run are taken for its limit.
      this.calls = this.countIn(ticket.at - LIMIT_OVER_RETRY_AFTERS * retryAfterMs, ticket, runStart, true);
      this.windowMs = this.shortestSpan(this.calls);
    } else this.provedLonger(ticket);
  }

  /** A refusal with `calls` accepted calls before it: the window is longer than the time since the first of them. */
  private provedLonger(ticket: Ticket): void {
    // Every call that may have been in the vendor's window counts here (an upper bound's rule reversed).
    const before = this.acceptedBefore(ticket, this.calls, true);
    if (before !== undefined) {
      this.longerThanMs = Math.min(this.windowMs - 1, Math.max(this.longerThanMs, ticket.at - before.at));
    }
  }

  /** Notes a 429 of a call that started before the pause: only that it does not count. */
  refusedLate(ticket: Ticket): void {
    ticket.refused = true;
    if (this.calls > 0) this.provedLonger(ticket);
  }

  /** How long from `now` until the window has room for one more call; 0 when unknown. */
  waitFor(now: number): number {
    if (!this.known) return 0;
    const oldest = this.acceptedBefore(undefined, this.calls, true);
    if (oldest === undefined) return 0;
    // The vendor drops a call from its window once it is `windowMs` old.
    return oldest.at + this.tryMs + WINDOW_MARGIN_MS - now;
  }

  /**
   * The `count`-th call before `ticket` (before every call when undefined) that the vendor
   * accepted, or (`orPending`) did not refuse. Learning counts only known answers (a call still
   * in flight may yet be refused, and counting it would prove a window too short); keeping to
   * the window counts every call that may be in the vendor's.
   */
  private acceptedBefore(ticket: Ticket | undefined, count: number, orPending = false): Ticket | undefined {
    let index = ticket === undefined ? this.history.length - 1 : this.indexOf(ticket) - 1;
    for (let seen = 0; index >= 0; index--) {
      const candidate = this.history[index]!;
      if ((orPending ? !candidate.refused : candidate.accepted) && ++seen === count) return candidate;
    }
    return undefined;
  }

  /** Calls accepted (or `orPending`, not refused) that started after `since` and before `ticket`, from number `fromSeq` on. */
  private countIn(since: number, ticket: Ticket, fromSeq = 0, orPending = false): number {
    let count = 0;
    for (let index = this.indexOf(ticket) - 1; index >= 0; index--) {
      const candidate = this.history[index]!;
      if (candidate.at <= since || candidate.seq < fromSeq) break;
      if (orPending ? !candidate.refused : candidate.accepted) count++;
    }
    return count;
  }

  /** The shortest time between an accepted call and the `count`-th accepted call before it. */
  private shortestSpan(count: number): number {
    if (count === 0) return Number.POSITIVE_INFINITY;
    const times = this.history.filter((ticket) => ticket.accepted).map((ticket) => ticket.at);
    let shortest = Number.POSITIVE_INFINITY;
    for (let index = count; index < times.length; index++) {
      shortest = Math.min(shortest, times[index]! - times[index - count]!);
    }
    return shortest;
  }

  private indexOf(ticket: Ticket): number {
    const first = this.history[0];
    if (first === undefined) return 0;
    // Numbers are consecutive; a call dropped from the history counts as before all of it.
    return Math.min(Math.max(0, ticket.seq - first.seq), this.history.length);
  }
}
