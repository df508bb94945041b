import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  checkVideoRequest,
  DEFAULT_PROVIDER_ID,
  generateVideo,
  getProvider,
  listProviderIds,
  type ModelInfo,
} from '@video-gen/core';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { StudioJob } from '../jobs/job-board.js';
import { type GenerationForm, toGenerateOptions } from './request-options.js';
import { errorResponse, refusal } from './respond.js';
import { configFor, type StudioContext } from './studio-context.js';

// Same shape as core's default output name: video-<provider>-<yyyymmdd-hhmmss>-<random>.mp4.
function outPathFor(dir: string, provider: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const safe = provider.replace(/[^a-z0-9_-]/gi, '_');
  return path.resolve(dir, `video-${safe}-${stamp}-${randomBytes(3).toString('hex')}.mp4`);
}

async function readForm(request: Request): Promise<GenerationForm> {
  const body = (await request.json().catch(() => undefined)) as unknown;
  return body !== null && typeof body === 'object' ? (body as GenerationForm) : {};
}

function providerOf(form: GenerationForm): string {
  return typeof form.provider === 'string' && form.provider !== '' ? form.provider : DEFAULT_PROVIDER_ID;
}

/** Each installed provider with its models (what they accept), for the form. */
async function installedProviders(context: StudioContext) {
  const { registered, firstParty } = listProviderIds();
  const ids = [...new Set([...registered, ...firstParty])];
  const found = await Promise.all(
    ids.map(async (id): Promise<{ id: string; models: readonly ModelInfo[] } | undefined> => {
      try {
        const provider = await getProvider(id, configFor(context, id));
        return { id: provider.id, models: provider.models };
      } catch {
        return undefined; // not installed, or not configured: not offered
      }
    }),
  );
  const installed = found.filter((entry) => entry !== undefined);
  return { default: DEFAULT_PROVIDER_ID, providers: installed };
}

/**
 * `/api/jobs` (the running jobs, `POST` to start a generation, `/:id/cancel`), `/api/events`
 * (server-sent events from the lifecycle's progress events), `/api/providers` and `/api/check`
 * (core's `checkVideoRequest`, a dry run that pays nothing).
 */
export function jobsRoutes(context: StudioContext, streams: Set<() => void>): Hono {
  const routes = new Hono();

  routes.get('/providers', async () => Response.json(await installedProviders(context)));

  routes.post('/check', async (c) => {
    const form = await readForm(c.req.raw);
    try {
      const checked = await checkVideoRequest(toGenerateOptions(form, configFor(context, providerOf(form))));
      return Response.json({ ok: true, checked });
    } catch (error) {
      return errorResponse(error);
    }
  });

  routes.get('/jobs', () => Response.json(context.jobs.list()));

  routes.post('/jobs', async (c) => {
    const form = await readForm(c.req.raw);
    try {
      const options = toGenerateOptions(form, configFor(context, providerOf(form)));
      // The same dry run the form shows: nothing is submitted unless it passes.
      const checked = await checkVideoRequest(options);
      const outPath = outPathFor(context.outDir, checked.provider);
      const job = context.jobs.start(
        {
          kind: 'generate',
          prompt: checked.prompt,
          provider: checked.provider,
          outPath,
          generationId: undefined,
        },
        (hooks) => generateVideo({ ...options, outPath, ledger: context.ledger, ...hooks }),
      );
      return Response.json(job, { status: 202 });
    } catch (error) {
      return errorResponse(error);
    }
  });

  routes.post('/jobs/:id/cancel', (c) =>
    context.jobs.cancel(c.req.param('id'))
      ? Response.json({ cancelled: true })
      : refusal(404, 'job_not_running', 'No running job with that id.'),
  );

  routes.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      let open = true;
      const stop = () => {
        open = false;
        stream.abort();
      };
      streams.add(stop);
      const send = (event: string, data: unknown) =>
        stream.writeSSE({ event, data: JSON.stringify(data) }).catch(() => undefined);
      const unsubscribe = context.jobs.subscribe((job: StudioJob) => void send('job', job));
      stream.onAbort(() => {
        open = false;
        unsubscribe();
        streams.delete(stop);
      });
      await send('jobs', context.jobs.list());
      while (open && !stream.aborted) {
        await stream.sleep(15_000);
        if (open && !stream.aborted) await stream.writeSSE({ event: 'ping', data: '' }).catch(stop);
      }
      unsubscribe();
      streams.delete(stop);
    }),
  );

  return routes;
}
