/** One status answer, as the poll schedule sees it. */
export interface PollSample {
  /** When the answer came, in the schedule's clock (ms). */
  readonly at: number;
  /** Progress from 0 to 1, when the vendor reported it. */
  readonly progress?: number | undefined;
}

/** What a poll schedule is built from. */
export interface PollScheduleSettings {
  /** When the job was submitted (its `createdAt`), in the schedule's clock (ms). */
  readonly startMs: number;
  /** Request k goes out no earlier than `startMs + k × budgetIntervalMs`; 0 for no budget. */
  readonly budgetIntervalMs: number;
  /** The shortest wait between two polls, unless the vendor's `Retry-After` asks for less. */
  readonly minWaitMs: number;
  /** The longest wait between two polls. */
  readonly maxWaitMs: number;
  /** How long a job of this model usually takes at the vendor, when known. */
  readonly priorMs?: number | undefined;
  /** Requests taken as already made: a resumed job's polls from before, which this process cannot know. */
  readonly spent: number;
  /** A number in [0, 1): the jitter's source. */
  readonly random: () => number;
}

/** The wait before each poll of one job. */
export interface PollSchedule {
  /**
   * Records a status answer (none before the first poll) and returns the wait, in ms from `now`,
   * before the next poll. A vendor's `retryAfterMs` replaces the schedule's own wait; the budget
   * holds either way.
   */
  next(now: number, sample?: PollSample, retryAfterMs?: number): number;
}

/** Each wait varies by up to ±10%, so jobs submitted together do not poll in lockstep. */
const JITTER = 0.1;
/** Without progress, the polls crowd into this window around the prior (as fractions of it). */
const PRIOR_WINDOW = { from: 0.75, to: 1.6 } as const;
/** With progress, a predicted finish this close is aimed at directly; further, it is approached in steps. */
const AIM_WITHIN_MS = 4_000;
/** How far past a predicted finish the aimed poll lands, so that it finds the job done. */
const AIM_PAST_MS = 150;
/** Past a predicted finish, the saved requests are spread over this share of the time so far (a stall at 99 %). */
const OVERRUN = 0.25;

/**
 * The rate of progress (per ms) from the samples: the faster of the rate since the first non-zero
 * sample and the rate over the latest interval (a slow start then understates the first). Falls
 * back on the rate since submit; `undefined` without any progress.
 */
function progressRate(samples: readonly PollSample[], startMs: number): number | undefined {
  const latest = samples.at(-1);
  const p = latest?.progress ?? 0;
  if (!latest || p <= 0) return undefined;
  const rates: number[] = [];
  const first = samples.find((sample) => (sample.progress ?? 0) > 0);
  if (first && first !== latest && p > (first.progress ?? 0)) {
    rates.push((p - (first.progress ?? 0)) / (latest.at - first.at));
  }
  const previous = samples.at(-2);
  const since = previous?.at ?? startMs;
  const from = previous?.progress ?? 0;
  if (p > from && latest.at > since) rates.push((p - from) / (latest.at - since));
  if (rates.length === 0 && latest.at > startMs) rates.push(p / (latest.at - startMs));
  const best = Math.max(...rates);
  return Number.isFinite(best) && best > 0 ? best : undefined;
}

/** When the samples say the job will finish; `undefined` without progress. */
export function predictedFinish(samples: readonly PollSample[], startMs: number): number | undefined {
  const latest = samples.at(-1);
  if (!latest) return undefined;
  if ((latest.progress ?? 0) >= 1) return latest.at;
  const rate = progressRate(samples, startMs);
  return rate === undefined ? undefined : latest.at + (1 - (latest.progress ?? 0)) / rate;
}

/**
 * The poll schedule: no poll right after submit; a token budget (request k not before
 * k × `budgetIntervalMs` after submit, so never more requests than a fixed poller at that
 * interval); polls aimed at the finish the vendor's progress predicts, short polls once it has
 * passed; without progress, sparse polls until the prior's window and the saved requests spent
 * evenly across it; ±10% jitter; the vendor's `Retry-After` first. Pure: time and randomness
 * come in.
 */
export function createPollSchedule(settings: PollScheduleSettings): PollSchedule {
  const { startMs, budgetIntervalMs: budget, minWaitMs, maxWaitMs, priorMs, random } = settings;
  const samples: PollSample[] = [];
  let sent = settings.spent;
  let overrunUntil: number | undefined;
  const jittered = (ms: number) => ms * (1 + (random() * 2 - 1) * JITTER);
  const clamp = (ms: number) => Math.min(maxWaitMs, Math.max(minWaitMs, ms));

  /** The wait that spreads the requests saved so far, and those the budget adds, evenly over `horizonMs`. */
  const spread = (now: number, horizonMs: number): number => {
    if (budget <= 0) return minWaitMs;
    const saved = Math.max(0, Math.floor((now - startMs) / budget) - sent);
    return horizonMs / (saved + horizonMs / budget);
  };

  /** Without progress: sparse until the prior's window, then the requests left spread across it. */
  const priorWait = (now: number, prior: number): number => {
    const elapsed = now - startMs;
    const from = PRIOR_WINDOW.from * prior;
    const to = PRIOR_WINDOW.to * prior;
    if (elapsed < from) return from - elapsed;
    if (elapsed >= to) return budget || minWaitMs;
    return spread(now, to - elapsed);
  };

  const ownWait = (now: number): number => {
    const finish = predictedFinish(samples, startMs);
    if (finish !== undefined) {
      const left = finish - now;
      const [previous, latest] = samples.slice(-2);
      const stalled = previous?.progress !== undefined && previous.progress === latest?.progress;
      if (left <= 0 || stalled) {
        // The window of saved requests is fixed when the job first runs late, and renewed once it ends.
        if (overrunUntil === undefined || now >= overrunUntil) overrunUntil = now + OVERRUN * (now - startMs);
        return spread(now, overrunUntil - now);
      }
      overrunUntil = undefined;
      // Far off: step towards it (each answer sharpens the prediction); near: aim just past it.
      return left <= AIM_WITHIN_MS ? left + AIM_PAST_MS : left * 0.6;
    }
    if (priorMs !== undefined && priorMs > 0) return priorWait(now, priorMs);
    // Progress reported but none yet (queued): save requests for when it moves.
    const reportsProgress = samples.some((sample) => sample.progress !== undefined);
    return budget > 0 ? (reportsProgress ? 2 * budget : budget) : minWaitMs;
  };

  return {
    next(now, sample, retryAfterMs) {
      if (sample) samples.push(sample);
      const wanted = retryAfterMs ?? jittered(clamp(ownWait(now)));
      // The budget: the next request is number `sent + 1`; a little positive jitter keeps jobs apart.
      const earliest =
        budget > 0 ? startMs + (sent + 1) * budget + random() * JITTER * Math.min(budget, minWaitMs) : now;
      sent++;
      return Math.max(now, now + wanted, earliest) - now;
    },
  };
}
