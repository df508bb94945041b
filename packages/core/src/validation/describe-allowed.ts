import { isNumberRange, isSizeRange, type ModelInfo, type NumberRange } from '../contract/model-info.js';

/** `4, 8, 12` or `1 to 60 (step 1)`. */
export function describeNumbers(values: readonly number[] | NumberRange, unit = ''): string {
  if (isNumberRange(values)) {
    return `${values.min}${unit} to ${values.max}${unit}${values.step ? ` in steps of ${values.step}` : ''}`;
  }
  return values.map((value) => `${value}${unit}`).join(', ');
}

/** `1280x720, 720x1280` or `16x16 to 3840x2160, multiples of 2`. */
export function describeSizes(sizes: ModelInfo['sizes']): string {
  if (isSizeRange(sizes)) {
    return `any size from ${sizes.minWidth}x${sizes.minHeight} to ${sizes.maxWidth}x${sizes.maxHeight} in multiples of ${sizes.multipleOf}`;
  }
  return sizes.map((size) => `${size.width}x${size.height}`).join(', ');
}

/** Whether `value` is allowed by a list or range. */
export function allowsNumber(values: readonly number[] | NumberRange, value: number): boolean {
  if (!isNumberRange(values)) return values.includes(value);
  if (value < values.min || value > values.max) return false;
  return (
    values.step === undefined || Number.isInteger(Number(((value - values.min) / values.step).toFixed(9)))
  );
}
