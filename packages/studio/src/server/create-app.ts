import { Hono } from 'hono';
import { generationsRoutes } from '../api/generations-routes.js';
import { jobsRoutes } from '../api/jobs-routes.js';
import { mediaRoutes, sequencesRoutes } from '../api/media-routes.js';
import type { StudioContext } from '../api/studio-context.js';
import { guard, type StudioAddress } from './guard.js';
import { loadStaticFiles } from './static-files.js';

/** The studio's hono app: the guard first (token, Host, Origin), then the page and its API. */
export async function createStudioApp(
  context: StudioContext,
  address: StudioAddress,
  streams: Set<() => void>,
): Promise<Hono> {
  const files = await loadStaticFiles();
  const app = new Hono();
  app.use('*', guard(address));
  for (const [route, file] of files) {
    app.get(route, () => new Response(file.body, { headers: { 'content-type': file.type } }));
  }
  app.route('/api/generations', generationsRoutes(context));
  app.route('/api/sequences', sequencesRoutes(context));
  app.route('/api', jobsRoutes(context, streams));
  app.route('/media', mediaRoutes(context));
  app.notFound(
    () => new Response('Not found.\n', { status: 404, headers: { 'content-type': 'text/plain' } }),
  );
  return app;
}
