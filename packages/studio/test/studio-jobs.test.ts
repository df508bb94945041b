import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Studio, startStudio } from '../src/index.js';

interface Job {
  id: string;
  kind: string;
  state: string;
  generationId?: string;
  progress?: { phase: string; jobId?: string };
}

let home: string;
let studio: Studio;
const headers = () => ({
  'x-studio-token': studio.token,
  origin: studio.origin,
  'content-type': 'application/json',
});

/** Reads the studio's event stream, collecting every job event, until `until` holds. */
async function watchEvents(until: (events: Job[]) => boolean): Promise<Job[]> {
  const response = await fetch(`${studio.origin}/api/events`, {
    headers: { 'x-studio-token': studio.token },
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: Job[] = [];
  let buffer = '';
  try {
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const block of blocks) {
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === 'job' && data) events.push(JSON.parse(data) as Job);
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'studio-jobs-'));
  studio = await startStudio({
    ledgerDir: path.join(home, 'ledger'),
    outDir: path.join(home, 'out'),
    cacheDir: path.join(home, 'cache'),
    providerConfig: {
      local: { jobsDir: path.join(home, 'jobs'), preset: 'ultrafast', simulatedQueueMs: 4000 },
    },
  });
});

afterAll(async () => {
  await studio?.close();
  await rm(home, { recursive: true, force: true });
});

describe('running jobs', () => {
  it('streams a generation’s progress, cancels it keeping its journal, and resumes it without a second submit', async () => {
    const watching = watchEvents((events) => events.some((event) => event.progress?.phase === 'queued'));
    const started = await fetch(`${studio.origin}/api/jobs`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({
        provider: 'local',
        prompt: 'a slow sunrise',
        width: 320,
        height: 180,
        durationSeconds: 1,
      }),
    });
    expect(started.status).toBe(202);
    const job = (await started.json()) as Job;
    const events = await watching;
    const phases = events.filter((event) => event.id === job.id).map((event) => event.progress?.phase);
    expect(phases).toEqual(expect.arrayContaining(['validating', 'submitting', 'queued']));
    const queued = events.find((event) => event.progress?.phase === 'queued')!;
    expect(queued.generationId).toBe(`local_${queued.progress!.jobId}`);

    const cancelled = await fetch(`${studio.origin}/api/jobs/${job.id}/cancel`, {
      method: 'POST',
      headers: headers(),
    });
    expect(await cancelled.json()).toEqual({ cancelled: true });
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${studio.origin}/api/jobs`, { headers: headers() })).json()) as Job[])[0]!
            .state,
      )
      .toBe('cancelled');

    const listed = (await (
      await fetch(`${studio.origin}/api/generations`, { headers: headers() })
    ).json()) as {
      id: string;
      status: string;
      resumable: boolean;
      paidNotDownloaded: boolean;
    }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: queued.generationId,
      status: 'submitted',
      resumable: true,
      paidNotDownloaded: true,
    });

    const finishing = watchEvents((seen) =>
      seen.some((event) => event.kind === 'resume' && event.state !== 'running'),
    );
    const resumed = await fetch(`${studio.origin}/api/generations/${queued.generationId}/resume`, {
      method: 'POST',
      headers: headers(),
    });
    expect(resumed.status).toBe(202);
    const resumeEvents = await finishing;
    expect(resumeEvents.at(-1)).toMatchObject({ kind: 'resume', state: 'succeeded' });
    expect(resumeEvents.map((event) => event.progress?.phase)).not.toContain('submitting');

    const after = (await (
      await fetch(`${studio.origin}/api/generations`, { headers: headers() })
    ).json()) as {
      id: string;
      status: string;
      hasVideo: boolean;
    }[];
    expect(after).toEqual([
      expect.objectContaining({ id: queued.generationId, status: 'downloaded', hasVideo: true }),
    ]);
    // Nothing left to resume, and a second resume is refused.
    const again = await fetch(`${studio.origin}/api/generations/${queued.generationId}/resume`, {
      method: 'POST',
      headers: headers(),
    });
    expect(again.status).toBe(409);

    // The file lost: "download again" fetches it through core's downloadGeneration, no new job.
    const recorded = (await (
      await fetch(`${studio.origin}/api/generations`, { headers: headers() })
    ).json()) as {
      outPath: string;
    }[];
    await rm(recorded[0]!.outPath);
    const downloading = watchEvents((seen) =>
      seen.some((event) => event.kind === 'download' && event.state !== 'running'),
    );
    const download = await fetch(`${studio.origin}/api/generations/${queued.generationId}/download`, {
      method: 'POST',
      headers: headers(),
    });
    expect(download.status).toBe(202);
    const downloadEvents = await downloading;
    expect(downloadEvents.at(-1)).toMatchObject({ kind: 'download', state: 'succeeded' });
    expect(downloadEvents.map((event) => event.progress?.phase)).not.toContain('submitting');
    const restored = (await (
      await fetch(`${studio.origin}/api/generations`, { headers: headers() })
    ).json()) as {
      hasVideo: boolean;
    }[];
    expect(restored).toEqual([expect.objectContaining({ hasVideo: true })]);
  });

  it('refuses to cancel a job that is not running', async () => {
    const response = await fetch(`${studio.origin}/api/jobs/no-such-job/cancel`, {
      method: 'POST',
      headers: headers(),
    });
    expect(response.status).toBe(404);
  });
});
