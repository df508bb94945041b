// The fake's rules for `POST /v1/video_to_video`, read from @runwayml/sdk 4.20's
// VideoToVideoCreateParams: which field carries the video, whether promptText is required, the
// modes a model takes. Credits per second are the fake's own numbers.

interface VideoToVideoRules {
  readonly field: 'videoUri' | 'promptVideo';
  readonly promptRequired: boolean;
  readonly modes?: readonly string[];
  readonly creditsPerSecond: number;
}

const RULES: Readonly<Record<string, VideoToVideoRules>> = {
  aleph2: { field: 'videoUri', promptRequired: false, creditsPerSecond: 15 },
  seedance2: { field: 'promptVideo', promptRequired: false, creditsPerSecond: 20 },
  seedance2_fast: { field: 'promptVideo', promptRequired: false, creditsPerSecond: 10 },
  seedance2_mini: { field: 'promptVideo', promptRequired: false, creditsPerSecond: 6 },
  seedance2_5: {
    field: 'promptVideo',
    promptRequired: false,
    modes: ['reference', 'extend', 'edit'],
    creditsPerSecond: 25,
  },
  hailuo3: { field: 'promptVideo', promptRequired: true, creditsPerSecond: 12 },
  gemini_omni_flash: { field: 'videoUri', promptRequired: true, creditsPerSecond: 20 },
  'gemini_omni_flash_1.1': {
    field: 'videoUri',
    promptRequired: true,
    modes: ['reference', 'extend', 'edit'],
    creditsPerSecond: 20,
  },
};

const DATA_URI_LIMIT = 5 * 1024 * 1024;

/** An input video as Runway checks it: https URL, an uploaded runway:// URI, or a video data URI within 5 MB. */
function videoIssue(uri: unknown, uploaded: ReadonlySet<string>): string | undefined {
  if (typeof uri !== 'string') return 'Required';
  if (uri.startsWith('https://')) return undefined;
  if (uri.startsWith('runway://')) return uploaded.has(uri) ? undefined : 'unknown upload';
  if (/^data:video\/(mp4|quicktime|webm);base64,[A-Za-z0-9+/]+=*$/.test(uri)) {
    return uri.length > DATA_URI_LIMIT ? 'data URI is larger than 5MB' : undefined;
  }
  return 'must be an HTTPS URL, a runway:// URI or a base64 video data URI';
}

/** The issues Runway reports for a video_to_video body (Runway's `{ path, message }` shape). */
export function validateVideoToVideo(
  body: Record<string, unknown>,
  uploaded: ReadonlySet<string>,
): { path: string[]; message: string }[] {
  const rules = typeof body.model === 'string' ? RULES[body.model] : undefined;
  if (!rules) return [{ path: ['model'], message: `Invalid model ${JSON.stringify(body.model)}` }];
  const issues: { path: string[]; message: string }[] = [];
  const problem = videoIssue(body[rules.field], uploaded);
  if (problem) issues.push({ path: [rules.field], message: problem });
  const other = rules.field === 'videoUri' ? 'promptVideo' : 'videoUri';
  if (body[other] !== undefined) issues.push({ path: [other], message: 'Unrecognized key' });
  if (rules.promptRequired && (typeof body.promptText !== 'string' || body.promptText === '')) {
    issues.push({ path: ['promptText'], message: 'Required' });
  }
  if (body.mode !== undefined) {
    if (!rules.modes?.includes(String(body.mode))) {
      issues.push({
        path: ['mode'],
        message: rules.modes ? `must be one of ${rules.modes.join(', ')}` : 'Unrecognized key',
      });
    } else if (body.mode === 'extend' && body.ratio !== undefined) {
      issues.push({ path: ['ratio'], message: 'ratio may not be provided in extend mode' });
    }
  }
  return issues;
}

/** Credits a video_to_video task is estimated at (the fake's own numbers). */
export function videoToVideoCredits(body: Record<string, unknown>): number {
  const rules = RULES[String(body.model)];
  const seconds = typeof body.duration === 'number' ? body.duration : 5;
  return seconds * (rules?.creditsPerSecond ?? 10);
}
