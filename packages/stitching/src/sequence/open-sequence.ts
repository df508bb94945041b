import path from 'node:path';
import {
  CancelledError,
  ensureDirectory,
  type GenerateVideoOptions,
  type GenerationWarning,
  type ModelInfo,
  resolveProvider,
  ValidationError,
  type VideoProvider,
} from '@video-gen/core';
import type { FrameFormat } from '../frames/extract-last-frame.js';
import type { RecordedSettings } from './clip-fingerprint.js';
import { checkConcatTarget } from './join-sequence.js';
import {
  type ClipRequest,
  chooseFrameFormat,
  clipRequests,
  planClips,
  preflightClips,
} from './plan-clips.js';
import { reconcileManifest } from './reconcile-manifest.js';
import { resolveChainableModel } from './resolve-chainable-model.js';
import { sequenceCost } from './sequence-cost.js';
import { sequenceLayout } from './sequence-layout.js';
import { MANIFEST_NAME, ManifestStore, readManifest } from './sequence-manifest.js';
import type { GenerateSequenceOptions, SequenceChain, SequenceCostEstimate } from './sequence-options.js';

/** In `extend` mode clip N+1 is clip N continued: only the first clip may take images. */
function refuseLaterImages(requests: readonly ClipRequest[]): void {
  const issues = requests.flatMap((request, position) =>
    position > 0 && (request.images.length > 0 || request.referenceImages.length > 0 || request.firstFrame)
      ? [
          {
            field: `clips[${position}]`,
            message: 'an extended clip continues the previous clip and takes no images',
          },
        ]
      : [],
  );
  if (issues.length > 0) {
    const lines = issues.map((issue) => `  - ${issue.field}: ${issue.message}`).join('\n');
    throw new ValidationError(`Invalid sequence (chain: 'extend'):\n${lines}`, { issues });
  }
}

/** A sequence ready to run: everything checked, its manifest lined up with the request. */
export interface OpenSequence {
  readonly provider: VideoProvider;
  readonly model: ModelInfo;
  readonly chain: SequenceChain;
  readonly format: FrameFormat;
  readonly requests: readonly ClipRequest[];
  /** The options every clip's `generateVideo` call shares. */
  readonly base: Omit<GenerateVideoOptions, 'prompt'>;
  readonly outDir: string;
  readonly layout: ReturnType<typeof sequenceLayout>;
  readonly store: ManifestStore;
  readonly warnings: readonly GenerationWarning[];
  /** The estimate of the clips still to generate, checked against `maxCost`. */
  readonly costEstimate: SequenceCostEstimate | undefined;
}

function checkShape(options: GenerateSequenceOptions): void {
  const issues: { field: string; message: string }[] = [];
  if (!Array.isArray(options.clips) || options.clips.length === 0)
    issues.push({ field: 'clips', message: 'give at least one clip' });
  if (typeof options.outDir !== 'string' || options.outDir === '')
    issues.push({ field: 'outDir', message: 'give the folder for the clips' });
  const delay = options.delayBetweenClipsMs;
  if (delay !== undefined && !(Number.isFinite(delay) && delay >= 0))
    issues.push({ field: 'delayBetweenClipsMs', message: `must be 0 or more, got ${String(delay)}` });
  if (issues.length > 0) {
    const lines = issues.map((issue) => `  - ${issue.field}: ${issue.message}`).join('\n');
    throw new ValidationError(`Invalid sequence:\n${lines}`, { issues });
  }
}

/** The options every clip's `generateVideo` call shares: the same for the same call, so core's journal matches on a re-run. */
function sharedOptions(
  options: GenerateSequenceOptions,
  provider: VideoProvider,
  modelId: string,
): Omit<GenerateVideoOptions, 'prompt'> {
  const { width, height, fps, durationSeconds, seed, negativePrompt, audio, providerOptions, timeoutMs } =
    options;
  const { retry, poll, fetch, allowLoopbackDownloads, maxDownloadBytes, cancelRemoteOnAbort, signal } =
    options;
  const all = {
    ...{ width, height, fps, durationSeconds, seed, negativePrompt, audio, providerOptions, timeoutMs },
    ...{ retry, poll, fetch, allowLoopbackDownloads, maxDownloadBytes, cancelRemoteOnAbort, signal },
    allowRetiredModels: options.allowRetiredModels,
  };
  const given = Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
  return { ...given, provider, model: modelId };
}

function recordedSettings(
  options: GenerateSequenceOptions,
  providerId: string,
  format: FrameFormat,
): RecordedSettings {
  return {
    width: options.width ?? null,
    height: options.height ?? null,
    fps: options.fps ?? null,
    durationSeconds: options.durationSeconds ?? null,
    seed: options.seed ?? null,
    negativePrompt: options.negativePrompt ?? null,
    audio: options.audio ?? null,
    providerOptions: options.providerOptions?.[providerId] ?? null,
    frameFormat: format,
    ...(options.chain === 'extend' ? { chain: 'extend' as const } : {}),
  };
}

/**
 * Does everything that can fail without generating anything: resolves the provider and a model
 * that takes a first frame, validates every clip as core would, then reads `sequence.json` and
 * lines it up with this call (refusing changed clips). Writes the manifest.
 */
export async function openSequence(options: GenerateSequenceOptions): Promise<OpenSequence> {
  checkShape(options);
  const provider = await resolveProvider(options.provider, options.providerConfig);
  const chain = options.chain ?? 'last-frame';
  const model = resolveChainableModel(provider, options.model, chain);
  const format = chooseFrameFormat(model, options.frameFormat);
  const requests = clipRequests(options);
  if (chain === 'extend') refuseLaterImages(requests);
  const base = sharedOptions(options, provider, model.id);
  const { estimates, priceWarning } = await preflightClips(requests, base, provider, format, chain);

  const outDir = path.resolve(options.outDir);
  const layout = sequenceLayout(requests.length, format);
  const settings = recordedSettings(options, provider.id, format);
  const planned = await planClips(requests, provider.id, model.id, settings, layout.clip);
  const manifestPath = path.join(outDir, MANIFEST_NAME);
  const now = new Date().toISOString();
  const { manifest, warnings } = await reconcileManifest(
    outDir,
    await readManifest(manifestPath),
    { version: 1, provider: provider.id, model: model.id, settings, createdAt: now, updatedAt: now },
    planned,
    options.resume ?? true,
  );
  // Before anything is written or sent: the clips still to generate must fit the sequence's maxCost.
  const pending = manifest.clips.map((clip) => clip.status !== 'done');
  const costEstimate = sequenceCost(estimates, pending, model, provider.id, options.maxCost);
  const store = new ManifestStore(manifestPath, manifest);
  await checkConcatTarget(options, store);
  if (options.signal?.aborted) throw new CancelledError('Cancelled.', { cause: options.signal.reason });
  // A link at `frames` would put the boundary frames elsewhere: refused.
  await ensureDirectory(path.join(outDir, 'frames'));
  await store.update({});
  return {
    provider,
    model,
    chain,
    format,
    requests,
    base,
    outDir,
    layout,
    store,
    warnings: priceWarning ? [...warnings, priceWarning] : warnings,
    costEstimate,
  };
}
