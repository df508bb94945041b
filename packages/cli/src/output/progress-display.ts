import { createRequire } from 'node:module';
import type { ProgressEvent } from '@video-gen/core';
import type CliProgress from 'cli-progress';
import { formatBytes, formatElapsed, formatPercent } from './format-units.js';
import { writeJsonLine } from './json-output.js';

/** Where progress goes: a live bar (terminal), plain lines (logs, CI), JSON lines (`--events`), or nowhere. */
export type ProgressMode = 'live' | 'lines' | 'events' | 'silent';

/** Receives progress events and shows them; `note()` prints a line without tearing the display. */
export interface ProgressReporter {
  /** Pass as `onProgress`. `label` names the clip in a sequence (`clip 2/3`). */
  onProgress(event: ProgressEvent, label?: string): void;
  /** A line for stderr (or an event of type `notice` in events mode). */
  note(message: string): void;
  /** Ends the live display. Safe to call more than once. */
  stop(): void;
}

/**
 * Picks how to show progress: JSON lines on stdout with `--events`, a live display when stderr is
 * a terminal, plain lines on stderr otherwise.
 *
 * @example
 * ```ts
 * const mode = progressModeFor({ events: false }, Boolean(process.stderr.isTTY)); // 'live' in a terminal
 * ```
 */
export function progressModeFor(
  flags: { events?: boolean | undefined },
  stderrIsTerminal: boolean,
): ProgressMode {
  if (flags.events) return 'events';
  return stderrIsTerminal ? 'live' : 'lines';
}

function describe(event: ProgressEvent): string {
  const parts: string[] = [event.phase];
  if (event.phase === 'downloading') {
    if (event.bytes !== undefined) {
      parts.push(
        event.totalBytes
          ? `${formatBytes(event.bytes)} / ${formatBytes(event.totalBytes)}`
          : formatBytes(event.bytes),
      );
    }
  } else if (event.progress !== undefined && event.phase !== 'done') {
    parts.push(formatPercent(event.progress));
  }
  if (event.retry)
    parts.push(
      `(retry ${event.retry.attempt} in ${formatElapsed(event.retry.delayMs)}: ${event.retry.reason})`,
    );
  return parts.join(' ');
}

/** Plain lines on stderr: one per phase, and one per quarter of vendor progress, so logs stay short. */
function linesReporter(write: (text: string) => void): ProgressReporter {
  let lastKey = '';
  let lastBytes: number | undefined;
  return {
    onProgress(event, label) {
      if (event.bytes !== undefined) lastBytes = event.bytes;
      const step =
        event.phase === 'running' && event.progress !== undefined ? Math.floor(event.progress * 4) : -1;
      const key = `${label ?? ''}|${event.phase}|${step}|${event.retry?.attempt ?? ''}`;
      if (key === lastKey) return;
      lastKey = key;
      const prefix = label ? `${label}: ` : '';
      // A download's byte count is only news at its end: the first event always says 0 B.
      const text =
        event.phase === 'downloading' && !event.retry
          ? 'downloading'
          : event.phase === 'done' && lastBytes
            ? `done (${formatBytes(lastBytes)})`
            : describe(event);
      write(`[${formatElapsed(event.elapsedMs).padStart(8)}] ${prefix}${text}\n`);
    },
    note: (message) => write(`${message}\n`),
    stop() {},
  };
}

/** A cli-progress bar on stderr: phase, a bar when progress is known, percent, elapsed time and bytes. */
function liveReporter(stream: NodeJS.WriteStream): ProgressReporter {
  // Loaded only for a live bar (a terminal without --events/--json), not with the CLI; it is CommonJS.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  let last: { event: ProgressEvent; label: string | undefined; at: number } | undefined;
  let started = false;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      hideCursor: true,
      clearOnComplete: true,
      linewrap: false,
      fps: 5,
      barsize: 24,
      format: (options, params) => {
        if (!last) return '';
        const { event, label, at } = last;
        const elapsed = formatElapsed(event.elapsedMs + (Date.now() - at));
        const known =
          event.phase === 'downloading' ? event.totalBytes !== undefined : event.progress !== undefined;
        const gauge = known ? `${cliProgress.Format.BarFormat(params.progress, options)} ` : '';
        const prefix = label ? `${label} ` : '';
        return `${prefix}${gauge}${describe(event).padEnd(18)} ${elapsed}`;
      },
    },
    cliProgress.Presets.shades_classic,
  );
  // cli-progress saves the cursor on start() and restores it on stop(): anything printed while a
  // bar runs would be overwritten. So a note ends the bar, and the next event starts a new one below.
  const end = () => {
    if (started) bar.stop();
    started = false;
  };
  return {
    onProgress(event, label) {
      last = { event, label, at: Date.now() };
      if (event.phase === 'done') {
        // A finished job's line has nothing left to say; the summary follows.
        end();
        return;
      }
      const value = Math.round((event.progress ?? 0) * 1000);
      if (!started) {
        bar.start(1000, value);
        started = true;
      } else {
        bar.update(value);
      }
    },
    note(message) {
      end();
      stream.write(`${message}\n`);
    },
    stop: end,
  };
}

/** JSON lines on stdout: `{"type":"progress",...event}`; notices as `{"type":"notice","message"}`. */
function eventsReporter(): ProgressReporter {
  return {
    onProgress: (event, label) =>
      writeJsonLine({ type: 'progress', ...(label ? { clip: label } : {}), ...event }),
    note: (message) => writeJsonLine({ type: 'notice', message }),
    stop() {},
  };
}

/**
 * Creates the progress reporter for a mode.
 *
 * @example
 * ```ts
 * const reporter = createProgressReporter('lines');
 * await generateVideo({ prompt, onProgress: (event) => reporter.onProgress(event) });
 * reporter.stop();
 * ```
 */
export function createProgressReporter(mode: ProgressMode): ProgressReporter {
  switch (mode) {
    case 'live':
      return liveReporter(process.stderr);
    case 'lines':
      return linesReporter((text) => process.stderr.write(text));
    case 'events':
      return eventsReporter();
    case 'silent':
      return { onProgress() {}, note() {}, stop() {} };
  }
}
