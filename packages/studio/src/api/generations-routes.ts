import { lstat } from 'node:fs/promises';
import {
  downloadGeneration,
  forgetGeneration,
  type GenerationRecord,
  getGeneration,
  journalPathFor,
  listGenerations,
  resumeVideo,
} from '@video-gen/core';
import { Hono } from 'hono';
import { recordedVideoPath, videoIdentity } from '../ledger/recorded-video.js';
import { errorResponse, refusal } from './respond.js';
import { configFor, type StudioContext } from './studio-context.js';

/** A cost to show: the vendor's reported cost, else an estimate when the record has one. */
export interface ShownCost {
  readonly amount: number;
  readonly currency: string;
  readonly estimated: boolean;
}

/** A reported cost (`{ amount, currency }`) or core's estimate (`{ amount, unit }`), as shown. */
function asCost(value: unknown, estimated: boolean): ShownCost | undefined {
  const cost = value as { amount?: unknown; currency?: unknown; unit?: unknown } | undefined;
  if (typeof cost?.amount !== 'number' || !Number.isFinite(cost.amount)) return undefined;
  const unit = typeof cost.currency === 'string' ? cost.currency : cost.unit;
  return { amount: cost.amount, currency: typeof unit === 'string' ? unit : 'USD', estimated };
}

/** The vendor's reported cost, else the estimate made before the submit; none on older records. */
function costOf(record: GenerationRecord): ShownCost | undefined {
  return asCost(record.usage?.cost, false) ?? asCost(record.costEstimate, true);
}

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

/** A ledger record with what the page needs to show it. */
async function describe(record: GenerationRecord, context: StudioContext) {
  const file = recordedVideoPath(record);
  const running = file !== undefined && context.jobs.isRunning(file);
  const inFlight = record.status === 'submitted' || record.status === 'succeeded';
  const journal = inFlight && file !== undefined && !running && (await exists(journalPathFor(file)));
  return {
    ...record,
    cost: costOf(record),
    hasVideo: (await videoIdentity(record)) !== undefined,
    running,
    resumable: journal,
    paidNotDownloaded: inFlight && !running,
  };
}

function ledgerOptions(context: StudioContext) {
  return { ledger: context.ledger };
}

/** `/api/generations`: the ledger, and "download again", "forget" and "resume" on one record. */
export function generationsRoutes(context: StudioContext): Hono {
  const routes = new Hono();

  routes.get('/', async () => {
    try {
      const records = await listGenerations(ledgerOptions(context));
      return Response.json(await Promise.all(records.map((record) => describe(record, context))));
    } catch (error) {
      return errorResponse(error);
    }
  });

  routes.post('/:id/forget', async (c) => {
    try {
      const record = await getGeneration(c.req.param('id'), ledgerOptions(context));
      if (context.jobs.isRunning(record.outPath)) {
        return refusal(409, 'generation_running', 'This generation is running: cancel it first.');
      }
      return Response.json({ forgotten: await forgetGeneration(record.id, ledgerOptions(context)) });
    } catch (error) {
      return errorResponse(error);
    }
  });

  routes.post('/:id/download', async (c) => {
    try {
      const record = await getGeneration(c.req.param('id'), ledgerOptions(context));
      if (context.jobs.isRunning(record.outPath)) {
        return refusal(409, 'generation_running', 'This generation is already running in the studio.');
      }
      const providerConfig = configFor(context, record.provider);
      const job = context.jobs.start(
        {
          kind: 'download',
          prompt: record.request.prompt,
          provider: record.provider,
          outPath: record.outPath,
          generationId: record.id,
        },
        (hooks) =>
          downloadGeneration(record.id, {
            ...ledgerOptions(context),
            ...hooks,
            ...(providerConfig === undefined ? {} : { providerConfig }),
          }),
      );
      return Response.json(job, { status: 202 });
    } catch (error) {
      return errorResponse(error);
    }
  });

  routes.post('/:id/resume', async (c) => {
    try {
      const record = await getGeneration(c.req.param('id'), ledgerOptions(context));
      const file = recordedVideoPath(record);
      if (file === undefined || !(await exists(journalPathFor(file)))) {
        return refusal(409, 'journal_missing', 'No interrupted job journal beside this generation’s output.');
      }
      if (context.jobs.isRunning(file)) {
        return refusal(409, 'generation_running', 'This generation is already running in the studio.');
      }
      const providerConfig = configFor(context, record.provider);
      const job = context.jobs.start(
        {
          kind: 'resume',
          prompt: record.request.prompt,
          provider: record.provider,
          outPath: file,
          generationId: record.id,
        },
        (hooks) =>
          resumeVideo(journalPathFor(file), {
            ...ledgerOptions(context),
            ...hooks,
            ...(providerConfig === undefined ? {} : { providerConfig }),
          }),
      );
      return Response.json(job, { status: 202 });
    } catch (error) {
      return errorResponse(error);
    }
  });

  return routes;
}
