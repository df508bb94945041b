import type { SharedV4Warning } from '@ai-sdk/provider';
import type { GenerationWarning } from '@video-gen/core';

/** An AI SDK warning as a core one: `unsupported` stays, `compatibility` is an approximation. */
export function fromAiSdkWarning(warning: SharedV4Warning): GenerationWarning {
  switch (warning.type) {
    case 'unsupported':
      return {
        type: 'unsupported',
        feature: warning.feature,
        message: warning.details ?? `${warning.feature} is not supported by this model`,
      };
    case 'compatibility':
      return {
        type: 'approximated',
        feature: warning.feature,
        message: warning.details ?? `${warning.feature} runs in a compatibility mode`,
      };
    case 'deprecated':
      return { type: 'deprecated', feature: warning.setting, message: warning.message };
    default:
      return { type: 'other', message: warning.message };
  }
}

/** A core warning as an AI SDK one. */
export function toAiSdkWarning(warning: GenerationWarning): SharedV4Warning {
  switch (warning.type) {
    case 'unsupported':
      return { type: 'unsupported', feature: warning.feature ?? 'option', details: warning.message };
    case 'approximated':
      return { type: 'compatibility', feature: warning.feature ?? 'option', details: warning.message };
    case 'deprecated':
      return { type: 'deprecated', setting: warning.feature ?? 'option', message: warning.message };
    default:
      return { type: 'other', message: warning.message };
  }
}
