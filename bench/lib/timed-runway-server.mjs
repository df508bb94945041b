// A tiny Runway API stand-in on 127.0.0.1 whose tasks finish at a set time after they are created,
// for measuring pollers (the fakes in @video-gen/testing advance per poll, not per clock).
//
// - `POST /v1/text_to_video`, `/v1/image_to_video`: creates a task. Its run time in ms is read from
//   the prompt (`promptText` ending in `<ms>ms`), so every client can ask for its own job time.
// - `GET /v1/tasks/{id}`: RUNNING with a linear `progress` (two decimals) until the run time has
//   passed, then SUCCEEDED with an output URL on this server. Every fetch is recorded.
// - `GET /outputs/{id}.mp4`: a tiny real MP4.
import { createServer } from 'node:http';
import { tinyMp4 } from '@video-gen/testing/loopback';

/** Starts the server; resolves to { url, tasks: Map<id, task>, close() }. */
export async function startTimedRunwayServer() {
  const video = Buffer.from(tinyMp4());
  const tasks = new Map();
  let next = 0;
  const json = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const now = performance.now();
      const path = (req.url ?? '').split('?')[0];
      if (req.method === 'POST' && /^\/v1\/(text|image)_to_video$/.test(path)) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        const runMs = Number(/(\d+)ms$/.exec(body.promptText ?? '')?.[1]);
        if (!Number.isFinite(runMs)) return json(res, 400, { error: 'promptText must end in <ms>ms' });
        const id = `task-${++next}`;
        tasks.set(id, {
          id,
          prompt: body.promptText,
          createdAt: now,
          finishAt: now + runMs,
          fetches: [],
          noticedAt: undefined,
        });
        return json(res, 200, { id });
      }
      const taskPath = /^\/v1\/tasks\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && taskPath) {
        const task = tasks.get(decodeURIComponent(taskPath[1]));
        if (!task) return json(res, 404, { error: 'Task not found' });
        const done = now >= task.finishAt;
        task.fetches.push({ at: now, done });
        if (done && task.noticedAt === undefined) task.noticedAt = now;
        const base = { id: task.id, createdAt: new Date().toISOString() };
        if (done) {
          const origin = `http://127.0.0.1:${server.address().port}`;
          return json(res, 200, {
            ...base,
            status: 'SUCCEEDED',
            cost: { credits: 10 },
            output: [`${origin}/outputs/${task.id}.mp4`],
          });
        }
        const progress = Math.floor(((now - task.createdAt) / (task.finishAt - task.createdAt)) * 100) / 100;
        return json(res, 200, { ...base, status: 'RUNNING', progress });
      }
      if (req.method === 'GET' && path.startsWith('/outputs/')) {
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': video.length });
        return res.end(video);
      }
      json(res, 404, { error: 'not found' });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    tasks,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
