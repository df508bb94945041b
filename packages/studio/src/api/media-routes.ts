import { type GenerationRecord, getGeneration, listGenerations } from '@video-gen/core';
import { Hono } from 'hono';
import { openRecordedVideo, videoIdentity } from '../ledger/recorded-video.js';
import { type FrameKind, frameDifference } from '../media/frame-cache.js';
import { openRegularFile, sendFile } from '../media/send-file.js';
import { findSequences } from '../sequences/find-sequences.js';
import { errorResponse, refusal } from './respond.js';
import type { StudioContext } from './studio-context.js';

const FRAME_KINDS = new Set<FrameKind>(['poster', 'first', 'last']);

/**
 * `/media/<ledger id>/video.mp4` and `/media/<ledger id>/<poster|first|last>.jpg`: the only files
 * the studio serves are the videos ledger records name (and frames extracted from them). The id is
 * checked by the ledger before any path is built; the video must be a regular file at exactly the
 * recorded path (a link there is not followed) and look like an MP4.
 */
export function mediaRoutes(context: StudioContext): Hono {
  const routes = new Hono();
  const ledger = { ledger: context.ledger };

  routes.on(['GET', 'HEAD'], '/:id/video.mp4', async (c) => {
    try {
      const record = await getGeneration(c.req.param('id'), ledger);
      const opened = await openRecordedVideo(record);
      if (!opened) return refusal(404, 'video_missing', 'No video file at the path this generation records.');
      return await sendFile(opened, 'video/mp4', c.req.header('range'), c.req.method);
    } catch (error) {
      return errorResponse(error);
    }
  });

  routes.get('/:id/:frame{(poster|first|last)\\.jpg}', async (c) => {
    try {
      const kind = c.req.param('frame').replace(/\.jpg$/, '') as FrameKind;
      if (!FRAME_KINDS.has(kind)) return refusal(404, 'not_found', 'No such frame.');
      const record = await getGeneration(c.req.param('id'), ledger);
      const video = await videoIdentity(record);
      if (!video) return refusal(404, 'video_missing', 'No video file at the path this generation records.');
      const posterAt = Math.min(1, Math.max(0, (record.request.durationSeconds ?? 0) / 3));
      const jpg = await context.frames.frame(video.file, video.key, kind, posterAt);
      const opened = await openRegularFile(jpg);
      if (!opened) return refusal(404, 'frame_missing', 'The frame could not be extracted.');
      const response = await sendFile(opened, 'image/jpeg', undefined, 'GET');
      response.headers.set('cache-control', 'private, max-age=3600');
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  });

  return routes;
}

type Records = ReadonlyMap<string, GenerationRecord>;

async function measure(
  context: StudioContext,
  byId: Records,
  from: string | undefined,
  to: string | undefined,
): Promise<number | null> {
  const video = (id: string | undefined) => {
    const record = id === undefined ? undefined : byId.get(id);
    return record === undefined ? undefined : videoIdentity(record);
  };
  const [left, right] = await Promise.all([video(from), video(to)]);
  if (!left || !right) return null;
  try {
    const [last, first] = await Promise.all([
      context.frames.sample(left.file, left.key, 'last'),
      context.frames.sample(right.file, right.key, 'first'),
    ]);
    return Math.round(frameDifference(last, first) * 100) / 100;
  } catch {
    return null;
  }
}

/** `/api/sequences`: each stitched sequence, with the measured difference at each boundary. */
export function sequencesRoutes(context: StudioContext): Hono {
  const routes = new Hono();
  routes.get('/', async () => {
    try {
      const records = await listGenerations({ ledger: context.ledger });
      const byId = new Map(records.map((record) => [record.id, record]));
      const sequences = await Promise.all(
        (await findSequences(records)).map(async (sequence) => {
          const boundaries = [];
          for (let index = 0; index + 1 < sequence.clips.length; index += 1) {
            const from = sequence.clips[index]!.generationId;
            const to = sequence.clips[index + 1]!.generationId;
            boundaries.push({ from, to, difference: await measure(context, byId, from, to) });
          }
          return { ...sequence, boundaries };
        }),
      );
      return Response.json(sequences);
    } catch (error) {
      return errorResponse(error);
    }
  });
  return routes;
}
