import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkVideo, finishVideo, type Journal, startVideo } from '@video-gen/core';
import { describe, expect, it } from 'vitest';
import { API_KEY, boxType, FAST, tempDir, testProvider, useMswServer } from './test-support.js';

const { mockRunway } = useMswServer();
const PROMPT = 'A paper boat on a rain-soaked street';

describe('runway: submit now, finish later', () => {
  it('startVideo sends one POST and nothing else; checkVideo one GET; finishVideo polls and downloads in another folder', async () => {
    const runway = mockRunway({
      sequence: [
        { status: 'RUNNING', progress: 0.5 },
        { status: 'RUNNING', progress: 0.9 },
        { status: 'SUCCEEDED' },
      ],
    });
    const started = await startVideo({
      provider: testProvider(runway),
      model: 'gen4.5',
      prompt: PROMPT,
      durationSeconds: 5,
      outPath: path.join(tempDir(), 'start.mp4'),
      ...FAST,
    });
    expect(runway.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/text_to_video',
    ]);
    const [submit] = runway.apiRequests('POST', '/v1/text_to_video');
    expect(submit!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(submit!.headers['x-runway-version']).toBe('2024-11-06');
    expect(submit!.body).toMatchObject({ model: 'gen4.5', promptText: PROMPT, duration: 5 });
    expect(started.journal).toMatchObject({
      state: 'submitted',
      provider: 'runway',
      job: { id: started.job.id },
    });

    const journal = JSON.parse(JSON.stringify(started.journal)) as Journal;
    expect(await checkVideo(journal, { provider: testProvider(runway), ...FAST })).toEqual({
      state: 'running',
      progress: 0.5,
    });
    expect(runway.apiRequests('GET', `/v1/tasks/${started.job.id}`)).toHaveLength(1);

    const outPath = path.join(tempDir(), 'finish.mp4');
    const result = await finishVideo(journal, {
      provider: testProvider(runway),
      outPath,
      allowLoopbackDownloads: true,
      ...FAST,
    });
    expect(result).toMatchObject({ path: outPath, jobId: started.job.id, resumed: true });
    expect(await boxType(outPath)).toBe('ftyp');
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
    expect(runway.apiRequests('POST')).toHaveLength(1);
    expect(runway.apiRequests('GET', `/v1/tasks/${started.job.id}`).length).toBeGreaterThanOrEqual(3);
  });
});
