import {
  describeModelStatus,
  isNumberRange,
  isSizeRange,
  type ModelInfo,
  type NumberRange,
} from '@video-gen/core';

function range(values: readonly number[] | NumberRange, unit: string): string {
  if (isNumberRange(values)) {
    const step = values.step !== undefined ? `, step ${values.step}` : '';
    return `${values.min}–${values.max}${unit}${step}`;
  }
  return `${values.join(', ')}${unit}`;
}

function sizes(model: ModelInfo): string {
  if (isSizeRange(model.sizes)) {
    const s = model.sizes;
    return `${s.minWidth}x${s.minHeight} to ${s.maxWidth}x${s.maxHeight}, multiples of ${s.multipleOf}`;
  }
  return model.sizes
    .map((size) => {
      const label = size.label ? ` (${size.label})` : '';
      const durations = size.durations ? ` [${size.durations.join(', ')} s]` : '';
      return `${size.width}x${size.height}${label}${durations}`;
    })
    .join(', ');
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/**
 * A model's capabilities as aligned lines for `video-gen models`.
 *
 * @example
 * ```ts
 * formatModel(localModels[0], true).join('\n');
 * ```
 */
export function formatModel(model: ModelInfo, isDefault: boolean): string[] {
  const { images } = model;
  const firstFrame = images.firstFrame ? (images.firstFrameRequired ? 'required' : 'yes') : 'no';
  const references =
    images.maxReferenceImages === 0
      ? '0'
      : `up to ${images.maxReferenceImages}${images.referenceImagesExcludeFrames ? ' (not with first/last frame)' : ''}`;
  const aliases = model.aliases?.length ? `  aliases: ${model.aliases.join(', ')}` : '';
  return [
    `  ${model.id}  ${model.name}${isDefault ? '  (default)' : ''}${aliases}`,
    `    status:           ${describeModelStatus(model)}${model.source ? ` (source: ${model.source})` : ''}`,
    ...(model.deprecated ? [`    deprecated:       ${model.deprecated}`] : []),
    `    durations:        ${range(model.durations, ' s')} (default ${model.defaultDurationSeconds} s)`,
    `    sizes:            ${sizes(model)} (default ${model.defaultSize.width}x${model.defaultSize.height})`,
    `    fps:              ${range(model.fps, '')} (default ${model.defaultFps})`,
    `    first frame:      ${firstFrame}`,
    `    last frame:       ${yesNo(images.lastFrame)}`,
    `    reference images: ${references}`,
    `    image types:      ${images.mediaTypes.map((type) => type.replace('image/', '')).join(', ')}; -i images are used as ${images.imagesAs === 'references' ? 'references' : 'first frame, then references'}`,
    `    audio:            ${model.audio}`,
    `    seed:             ${yesNo(model.seed)}`,
    `    negative prompt:  ${yesNo(model.negativePrompt)}`,
    `    max prompt:       ${model.maxPromptLength} characters`,
  ];
}
