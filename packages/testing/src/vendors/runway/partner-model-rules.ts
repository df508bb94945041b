// The fake's rules for the partner models of `POST /v1/image_to_video` and `/v1/text_to_video`,
// read from @runwayml/sdk 4.20.1's ImageToVideoCreateParams / TextToVideoCreateParams: the keys
// each model's params have (any other is an "Unrecognized key", as the API answers), the
// `ratio` and `resolution` values, promptImage positions, reference caps and prompt limits.
// Duration bounds and credits per second are the fake's own numbers.

interface EndpointRules {
  readonly keys: readonly string[];
  readonly ratio?: readonly string[];
  readonly resolution?: readonly string[];
}

interface PartnerRules {
  readonly image: EndpointRules;
  readonly text: EndpointRules;
  readonly durations: readonly [min: number, max: number];
  readonly lastFrame: boolean;
  /** The most `references` text_to_video takes. */
  readonly maxReferences: number;
  readonly promptMax: number;
  readonly creditsPerSecond: number;
}

type Issue = { path: string[]; message: string };

const SEEDANCE_720 =
  '992:432 864:496 752:560 640:640 560:752 496:864 1470:630 1280:720 1112:834 960:960 834:1112 720:1280';
const SEEDANCE_1080 = '2206:946 1920:1080 1664:1248 1440:1440 1248:1664 1080:1920';
const SEEDANCE_4K = '3840:1646 3840:2160 3840:2880 3840:3840 2880:3840 2160:3840';
const SEEDANCE25 = `992:432 854:480 752:560 640:640 560:752 480:854 1470:630 1280:720 1112:834 960:960 834:1112 720:1280 ${SEEDANCE_1080}`;
const WAN =
  '832:480 720:544 624:624 544:720 480:832 1280:720 1104:832 960:960 832:1104 720:1280 1920:1080 1648:1248 1440:1440 1248:1648 1080:1920 auto_480p auto_720p auto_1080p';
const list = (values: string) => values.split(' ');

function seedance(ratios: string, promptMax: number, maxReferences: number, credits: number): PartnerRules {
  const common = ['model', 'audio', 'duration', 'promptText', 'ratio', 'referenceAudio', 'seed'];
  return {
    image: { keys: [...common, 'promptImage'], ratio: list(ratios) },
    text: { keys: [...common, 'references', 'referenceVideos'], ratio: list(ratios) },
    durations: [4, 15],
    lastFrame: true,
    maxReferences,
    promptMax,
    creditsPerSecond: credits,
  };
}

function wan(credits: number): PartnerRules {
  const common = ['model', 'promptText', 'audio', 'duration', 'ratio', 'referenceAudio', 'referenceVideos'];
  return {
    image: { keys: [...common, 'promptImage'], ratio: list(WAN) },
    text: { keys: [...common, 'references'], ratio: list(WAN) },
    durations: [2, 15],
    lastFrame: true,
    maxReferences: 10,
    promptMax: 5000,
    creditsPerSecond: credits,
  };
}

const RULES: Readonly<Record<string, PartnerRules>> = {
  hailuo3: {
    image: {
      keys: ['model', 'promptImage', 'promptText', 'duration', 'ratio', 'referenceAudio', 'resolution'],
      ratio: list('adaptive 21:9 16:9 4:3 1:1 3:4 9:16'),
      resolution: list('768p 2k'),
    },
    text: {
      keys: [
        'model',
        'promptText',
        'duration',
        'ratio',
        'referenceAudio',
        'references',
        'referenceVideos',
        'resolution',
      ],
      ratio: list('21:9 16:9 4:3 1:1 3:4 9:16'),
      resolution: list('768p 2k'),
    },
    durations: [4, 15],
    lastFrame: true,
    maxReferences: 9,
    promptMax: 5000,
    creditsPerSecond: 12,
  },
  h3_max: {
    image: {
      keys: ['model', 'promptImage', 'promptText', 'duration', 'promptExpansionMode', 'resolution', 'seed'],
      resolution: list('480p 768p'),
    },
    text: {
      keys: ['model', 'promptText', 'duration', 'promptExpansionMode', 'resolution', 'seed'],
      resolution: list('480p 768p'),
    },
    durations: [4, 15],
    lastFrame: true,
    maxReferences: 0,
    promptMax: 5000,
    creditsPerSecond: 20,
  },
  happyhorse_1_0: {
    image: {
      keys: ['model', 'promptImage', 'duration', 'promptText', 'resolution'],
      resolution: list('720p 1080p'),
    },
    text: {
      keys: ['model', 'promptText', 'duration', 'ratio'],
      ratio: list(
        '1280:720 720:1280 960:960 1108:832 832:1108 1920:1080 1080:1920 1440:1440 1662:1248 1248:1662',
      ),
    },
    durations: [3, 15],
    lastFrame: false,
    maxReferences: 0,
    promptMax: 2500,
    creditsPerSecond: 10,
  },
  seedance2: seedance(`${SEEDANCE_720} ${SEEDANCE_1080} ${SEEDANCE_4K}`, 3500, 9, 20),
  seedance2_fast: seedance(SEEDANCE_720, 3500, 9, 10),
  seedance2_mini: seedance(SEEDANCE_720, 3500, 9, 6),
  seedance2_5: seedance(SEEDANCE25, 15000, 30, 25),
  wan3: wan(10),
  wan3_prime: wan(18),
  grok_imagine_1_5: {
    image: {
      keys: ['model', 'promptImage', 'duration', 'promptText', 'resolution'],
      resolution: list('480p 720p 1080p'),
    },
    text: {
      keys: ['model', 'promptText', 'duration', 'ratio', 'referenceAudio', 'references', 'resolution'],
      ratio: list('1:1 16:9 9:16 4:3 3:4 3:2 2:3'),
      resolution: list('480p 720p 1080p'),
    },
    durations: [1, 15],
    lastFrame: false,
    maxReferences: 7,
    promptMax: 5000,
    creditsPerSecond: 8,
  },
};

/** Whether the fake knows `model` as a partner model. */
export function isPartnerModel(model: unknown): model is string {
  return typeof model === 'string' && model in RULES;
}

/**
 * The issues Runway reports for a partner model's create body (Runway's `{ path, message }`
 * shape); `imageIssue` checks one image URI the way the fake does for every model.
 */
export function validatePartnerCreate(
  endpoint: 'image_to_video' | 'text_to_video',
  body: Record<string, unknown>,
  imageIssue: (uri: unknown) => string | undefined,
): Issue[] {
  const rules = RULES[String(body.model)]!;
  const on = endpoint === 'image_to_video' ? rules.image : rules.text;
  const issues: Issue[] = [];
  for (const key of Object.keys(body)) {
    if (!on.keys.includes(key)) issues.push({ path: [key], message: 'Unrecognized key' });
  }
  for (const field of ['ratio', 'resolution'] as const) {
    const allowed = on[field];
    if (body[field] !== undefined && allowed && !allowed.includes(String(body[field]))) {
      issues.push({ path: [field], message: `must be one of ${allowed.join(', ')}` });
    }
  }
  const text = body.promptText;
  if (typeof text !== 'string' || text.length === 0 || text.length > rules.promptMax) {
    issues.push({ path: ['promptText'], message: `must be 1 to ${rules.promptMax} characters` });
  }
  const duration = body.duration;
  const [min, max] = rules.durations;
  if (
    duration !== undefined &&
    !(Number.isInteger(duration) && Number(duration) >= min && Number(duration) <= max)
  ) {
    issues.push({ path: ['duration'], message: `must be an integer from ${min} to ${max}` });
  }
  if (body.seed !== undefined && !(Number.isInteger(body.seed) && Number(body.seed) >= 0)) {
    issues.push({ path: ['seed'], message: 'must be a non-negative integer' });
  }
  if (endpoint === 'image_to_video') {
    const image = body.promptImage;
    const entries = Array.isArray(image) ? image : [{ uri: image, position: 'first' }];
    entries.forEach((entry: { uri?: unknown; position?: unknown }, index) => {
      if (entry?.position === 'last' && !rules.lastFrame) {
        issues.push({ path: ['promptImage', String(index), 'position'], message: 'only "first" is allowed' });
      }
      const problem = imageIssue(entry?.uri);
      if (problem) issues.push({ path: ['promptImage', String(index), 'uri'], message: problem });
    });
  }
  const references = body.references;
  if (references !== undefined) {
    if (!Array.isArray(references) || references.length > rules.maxReferences) {
      issues.push({
        path: ['references'],
        message: `must be an array of at most ${rules.maxReferences} images`,
      });
    } else {
      references.forEach((entry: { uri?: unknown }, index) => {
        const problem = imageIssue(entry?.uri);
        if (problem) issues.push({ path: ['references', String(index), 'uri'], message: problem });
      });
    }
  }
  return issues;
}

/** Credits a partner-model task is estimated at (the fake's own numbers). */
export function partnerCredits(body: Record<string, unknown>): number {
  const seconds = typeof body.duration === 'number' ? body.duration : 5;
  return seconds * (RULES[String(body.model)]?.creditsPerSecond ?? 10);
}
