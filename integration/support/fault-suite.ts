// The fault table every remote provider runs through generateVideo against its loopback fake.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ApiRequestError,
  AuthenticationError,
  ContentPolicyError,
  DownloadError,
  GenerationFailedError,
  generateVideo,
  InsufficientCreditsError,
  resumeVideo,
} from '@video-gen/core';
import { afterEach, describe, expect, it } from 'vitest';
import { isMp4, leftovers, tempDir } from './files.js';
import { FAST, type Fault, type Harness, startVendor, type VendorId } from './vendors.js';

/** What a fault must end in. */
type Outcome =
  | { readonly kind: 'success'; readonly minMs?: number; readonly minDownloads?: number }
  | {
      readonly kind: 'error';
      /** The typed error, by its `isInstance` and, where it matters, its code or status. */
      readonly check: (error: unknown) => boolean;
      readonly label: string;
      /** The job is over at the vendor, so the journal goes; else it stays and `resumeVideo` finishes it. */
      readonly journal: 'removed' | 'resumable';
    };

interface FaultCase {
  readonly fault: Fault;
  readonly title: string;
  readonly outcome: Outcome;
  /** Create requests refused before the one that was accepted (a 429). */
  readonly refusedCreates?: number;
}

const success = (extra: { minMs?: number; minDownloads?: number } = {}): Outcome => ({
  kind: 'success',
  ...extra,
});

function cases(vendor: VendorId): FaultCase[] {
  const credits: Outcome =
    vendor === 'veo3'
      ? {
          kind: 'error',
          label: 'AuthenticationError 403 (Google: billing disabled; there is no credit balance)',
          check: (e) => AuthenticationError.isInstance(e) && e.status === 403,
          journal: 'removed',
        }
      : {
          kind: 'error',
          label: 'InsufficientCreditsError',
          check: (e) => InsufficientCreditsError.isInstance(e),
          journal: 'removed',
        };
  const expired: Outcome =
    vendor === 'sora2' || vendor === 'azure-sora'
      ? {
          // The Videos API serves the bytes itself: an expired video has no fresh URL to ask for.
          kind: 'error',
          label: 'ApiRequestError 404 (no fresh URL exists)',
          check: (e) => ApiRequestError.isInstance(e) && e.status === 404 && !e.retryable,
          journal: 'resumable',
        }
      : success({ minDownloads: 2 });
  return [
    {
      fault: 'rate-limit',
      title: '429 with Retry-After 2 s on the create',
      outcome: success({ minMs: 1950 }),
      refusedCreates: 1,
    },
    { fault: 'server-errors', title: '500, 502, 503 in a row on status calls', outcome: success() },
    { fault: 'reset-poll', title: 'a connection reset mid-poll', outcome: success() },
    {
      fault: 'cut-download',
      title: 'a connection reset halfway through the video body',
      outcome: success({ minDownloads: 2 }),
    },
    { fault: 'slow-download', title: 'a slow video body', outcome: success() },
    {
      fault: 'html-download',
      title: 'an HTML page with status 200 instead of the video',
      outcome: {
        kind: 'error',
        label: 'DownloadError not_mp4',
        check: (e) => DownloadError.isInstance(e) && e.code === 'not_mp4',
        journal: 'resumable',
      },
    },
    { fault: 'expired-url', title: 'an expired download URL', outcome: expired },
    {
      fault: 'job-failed',
      title: 'a job that fails at the vendor',
      outcome: {
        kind: 'error',
        label: 'GenerationFailedError',
        check: (e) => GenerationFailedError.isInstance(e) && !ContentPolicyError.isInstance(e),
        journal: 'removed',
      },
    },
    {
      fault: 'moderation',
      title: 'a moderation refusal',
      outcome: {
        kind: 'error',
        label: 'ContentPolicyError',
        check: (e) => ContentPolicyError.isInstance(e),
        journal: 'removed',
      },
    },
    { fault: 'credits', title: 'insufficient credits', outcome: credits },
    {
      fault: 'bad-key',
      title: 'a bad key',
      outcome: {
        kind: 'error',
        label: 'AuthenticationError',
        check: (e) => AuthenticationError.isInstance(e),
        journal: 'removed',
      },
    },
  ];
}

/** Download requests in a harness's log (the video bytes, wherever the vendor serves them). */
export function downloads(harness: Harness): number {
  return harness.log().filter((line) => /\/content$|\/download\/storage\/|^GET \/outputs\//.test(line))
    .length;
}

/** Every message, code, body and cause of an error, as text, to search for a leaked secret. */
function errorText(error: unknown, depth = 0): string {
  if (depth > 5 || error === null || error === undefined) return '';
  if (!(error instanceof Error)) return String(error);
  const own = Object.entries(error)
    .filter(([key]) => key !== 'cause')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : (JSON.stringify(value) ?? '')}`)
    .join(' ');
  return `${error.name}: ${error.message} ${own} ${String(error.stack)} ${errorText(error.cause, depth + 1)}`;
}

/** Runs the whole fault table for one vendor. */
export function describeFaultSuite(vendor: VendorId): void {
  describe(`${vendor}: faults through generateVideo against its loopback fake`, () => {
    let harness: Harness | undefined;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    for (const { fault, title, outcome, refusedCreates = 0 } of cases(vendor)) {
      const expected = outcome.kind === 'success' ? 'succeeds' : `fails with ${outcome.label}`;
      it(`${title}: ${expected}, with one submit and no half-written output`, async () => {
        harness = await startVendor(vendor, fault);
        const outPath = path.join(tempDir(`fault-${vendor}`), 'clip.mp4');
        const started = Date.now();
        const run = generateVideo({
          ...harness.options,
          provider: harness.provider,
          prompt: `integration fault ${fault}`,
          outPath,
        });

        if (outcome.kind === 'success') {
          const result = await run;
          expect(Date.now() - started).toBeGreaterThanOrEqual(outcome.minMs ?? 0);
          expect(result.path).toBe(outPath);
          expect(result.resumed).toBe(false);
          expect(isMp4(outPath)).toBe(true);
          expect(leftovers(outPath)).toEqual({ out: true, part: false, journal: false, lock: false });
          expect(harness.creates()).toBe(1 + refusedCreates);
          expect(downloads(harness)).toBeGreaterThanOrEqual(outcome.minDownloads ?? 0);
          return;
        }

        const error = await run.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, `expected ${outcome.label}, got ${String(error)}`).toBeDefined();
        expect(outcome.check(error), `expected ${outcome.label}, got ${String(error)}`).toBe(true);
        // The key never travels in an error (message, body excerpt, causes).
        expect(errorText(error)).not.toContain(harness.secret);
        // Exactly one create, and no retry of a refusal.
        expect(harness.creates()).toBe(1);
        const left = leftovers(outPath);
        expect(left.out).toBe(false);
        expect(left.part).toBe(false);
        expect(left.lock).toBe(false);
        if (outcome.journal === 'removed') {
          expect(left.journal).toBe(false);
          return;
        }
        // The job is still alive: its journal finishes it, without another submit.
        expect(left.journal).toBe(true);
        expect(readFileSync(`${outPath}.job.json`, 'utf8')).not.toContain(harness.secret);
        const resumed = await resumeVideo(`${outPath}.job.json`, {
          provider: harness.provider,
          ...FAST,
          ...(harness.options.fetch ? { fetch: harness.options.fetch } : {}),
          allowLoopbackDownloads: true,
        });
        expect(resumed.resumed).toBe(true);
        expect(isMp4(outPath)).toBe(true);
        expect(leftovers(outPath)).toEqual({ out: true, part: false, journal: false, lock: false });
        expect(harness.creates()).toBe(1);
      });
    }
  });
}
