/**
 * Bridges between the Vercel AI SDK's video models (`Experimental_VideoModelV4`) and video-gen:
 * {@link fromAiSdk} wraps an AI SDK model as a video-gen provider (journal, ledger, resume,
 * streamed downloads, stitching), {@link aiSdkPlugin} registers one, and {@link toAiSdk} turns a
 * video-gen provider into an AI SDK model.
 *
 * @packageDocumentation
 * @module @video-gen/ai-sdk
 */
export { classifyFailure, type FailureKind } from './from-ai-sdk/classify-failure.js';
export {
  type AiSdkVideoModel,
  type AiSdkVideoModelSource,
  type FromAiSdkOptions,
  fromAiSdk,
} from './from-ai-sdk/from-ai-sdk.js';
export { type AiSdkModelEntry, aiSdkModelInfo } from './from-ai-sdk/model-table.js';
export type { AiSdkWebhookFactory } from './from-ai-sdk/webhook.js';
export { type AiSdkPluginOptions, aiSdkPlugin } from './plugin.js';
export { type ToAiSdkOptions, toAiSdk } from './to-ai-sdk/to-ai-sdk.js';
