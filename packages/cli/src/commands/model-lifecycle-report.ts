import { describeModelStatus, type ModelStatus, modelStatus } from '@video-gen/core';
import type { ProviderProbe } from '../backend/probe-providers.js';

/** One model's lifecycle, as doctor reports it. */
export interface ModelLifecycleReport {
  readonly id: string;
  readonly status: ModelStatus;
  /** The status with its dates and replacement. */
  readonly lifecycle: string;
}

/**
 * The lifecycle of each model of an installed provider; empty when it is not installed or cannot
 * be created (creating a provider reads no key).
 */
export function modelLifecycleReport(probe: ProviderProbe): ModelLifecycleReport[] {
  if (!probe.installed) return [];
  try {
    return probe.plugin.create().models.map((model) => ({
      id: model.id,
      status: modelStatus(model),
      lifecycle: describeModelStatus(model),
    }));
  } catch {
    return [];
  }
}
