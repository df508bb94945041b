import { describe, expect, it } from 'vitest';
import { createRunway } from './runway-provider.js';
import { API_KEY, boxType, generate, useMswServer } from './test-support.js';

const { mockRunway } = useMswServer();
const ctx = () => ({
  signal: AbortSignal.timeout(10_000),
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  fetch: globalThis.fetch,
});

/** Each request as `METHOD origin-relative-path`, in order, outputs marked by their origin. */
function sequenceOf(runway: ReturnType<typeof mockRunway>): string[] {
  return runway.requests.map((request) => {
    const url = new URL(request.url);
    const where = url.origin === runway.outputOrigin ? 'output' : 'api';
    return `${request.method} ${where} ${url.pathname}`;
  });
}

describe('runway polling and download', () => {
  it('fetches the task once per poll and downloads the SUCCEEDED task output without fetching it again', async () => {
    const runway = mockRunway({
      sequence: [{ status: 'PENDING' }, { status: 'RUNNING', progress: 0.5 }, { status: 'SUCCEEDED' }],
    });
    const result = await generate(runway, {
      provider: createRunway({ apiKey: API_KEY, baseURL: runway.baseURL }),
      model: 'veo3.1',
      prompt: 'A lighthouse at dusk',
      durationSeconds: 8,
      allowLoopbackDownloads: true,
      ledger: false,
    });
    const taskPath = `/v1/tasks/${result.jobId}`;
    const sequence = sequenceOf(runway);
    expect(sequence).toEqual([
      'POST api /v1/text_to_video',
      `GET api ${taskPath}`,
      `GET api ${taskPath}`,
      `GET api ${taskPath}`,
      expect.stringMatching(/^GET output \/outputs\//),
    ]);
    for (const poll of runway.apiRequests('GET', '/v1/tasks/')) {
      expect(poll.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(poll.headers['x-runway-version']).toBe('2024-11-06');
    }
    // The signed output URL never gets the key.
    const [download] = runway.requests.filter((request) => request.url.startsWith(runway.outputOrigin));
    expect(download?.headers.authorization).toBeUndefined();
    expect(await boxType(result.path)).toBe('ftyp');
  });

  it('fetches the task for its output when none was seen SUCCEEDED (a resume in a new process)', async () => {
    const runway = mockRunway({ sequence: [{ status: 'SUCCEEDED' }] });
    const first = createRunway({ apiKey: API_KEY, baseURL: runway.baseURL });
    const job = await first.submit(
      {
        prompt: 'A lighthouse at dusk',
        model: first.models.find((model) => model.id === 'veo3.1')!,
        width: 1280,
        height: 720,
        fps: 24,
        durationSeconds: 8,
        seed: undefined,
        negativePrompt: undefined,
        audio: undefined,
        firstFrame: undefined,
        lastFrame: undefined,
        referenceImages: [],
        providerOptions: {},
        idempotencyKey: 'key-1',
      },
      ctx(),
    );
    // Another process: a fresh provider, which never polled this task.
    const second = createRunway({ apiKey: API_KEY, baseURL: runway.baseURL });
    const source = await second.download(job, ctx());
    expect(source).toMatchObject({ type: 'url', url: expect.stringContaining(runway.outputOrigin) });
    expect(sequenceOf(runway)).toEqual(['POST api /v1/text_to_video', `GET api /v1/tasks/${job.id}`]);

    // The provider that saw it SUCCEEDED reuses that answer once; a second download fetches again.
    await first.status(job, ctx());
    await first.download(job, ctx());
    await first.download(job, ctx());
    expect(runway.apiRequests('GET', '/v1/tasks/')).toHaveLength(3);
  });
});
