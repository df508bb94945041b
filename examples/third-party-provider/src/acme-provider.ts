import type { JobRef, ProviderContext, ProviderPlugin, VideoProvider } from '@video-gen/core';
import { type AcmeTask, toAcmeBody, toAcmeError, toJobStatus } from './acme-adapter.js';
import { AcmeConfig, type AcmeSettings } from './acme-config.js';
import { acmeModels } from './acme-models.js';

/**
 * Creates the Acme provider. Without settings, reads `ACME_API_KEY` (and `ACME_BASE_URL`) from the
 * environment or `.env` when first needed, so creating it never fails.
 *
 * @example
 * ```ts
 * await generateVideo({ provider: createAcme({ apiKey }), prompt: 'a red kite' });
 * ```
 */
export function createAcme(settings?: AcmeSettings): VideoProvider {
  const config = () => (settings ? AcmeConfig.parse(settings) : AcmeConfig.fromEnvironment());

  async function call(path: string, ctx: ProviderContext, init: RequestInit = {}): Promise<Response> {
    const { apiKey, baseURL } = config();
    const response = await ctx.fetch(`${baseURL}${path}`, {
      ...init,
      signal: ctx.signal,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...init.headers },
    });
    if (!response.ok) throw await toAcmeError(response);
    return response;
  }
  const getTask = async (job: JobRef, ctx: ProviderContext) =>
    (await (await call(`/v1/videos/${encodeURIComponent(job.id)}`, ctx)).json()) as AcmeTask;

  return {
    id: 'acme',
    models: acmeModels,
    async submit(request, ctx) {
      const response = await call('/v1/videos', ctx, {
        method: 'POST',
        headers: { 'idempotency-key': request.idempotencyKey },
        body: JSON.stringify(toAcmeBody(request)),
      });
      const { id } = (await response.json()) as AcmeTask;
      return { provider: 'acme', model: request.model.id, id, createdAt: new Date().toISOString() };
    },
    async status(job, ctx) {
      return toJobStatus(await getTask(job, ctx), job);
    },
    async download(job, ctx) {
      // Asked again on every download: Acme's signed video URLs expire.
      const task = await getTask(job, ctx);
      if (!task.video_url) throw new Error(`Acme task ${job.id} has no video yet`);
      return { type: 'url', url: task.video_url };
    },
    async cancel(job, ctx) {
      await call(`/v1/videos/${encodeURIComponent(job.id)}`, ctx, { method: 'DELETE' });
    },
  };
}

/** The registry entry: `registerProvider(plugin)` makes `provider: 'acme'` work. */
export const plugin: ProviderPlugin<AcmeSettings> = {
  id: 'acme',
  packageName: 'acme-video-gen',
  description: 'The fictional Acme video API (an example third-party plugin).',
  create: (settings) => createAcme(settings),
  hasCredentials: (env) => Boolean(env.ACME_API_KEY),
  environmentVariables: ['ACME_API_KEY', 'ACME_BASE_URL'],
};
