import type { Experimental_VideoModelV4OperationWebhook as VideoModelV4OperationWebhook } from '@ai-sdk/provider';

/**
 * The AI SDK's webhook factory, as `experimental_generateVideo({ webhook })` takes it: called once
 * per submit, it returns the URL the vendor should call and a promise that settles when it did.
 */
export type AiSdkWebhookFactory = () => PromiseLike<{
  url: string;
  received: PromiseLike<VideoModelV4OperationWebhook>;
}>;

/** A webhook awaited for one job, in this process only (a crash falls back to polling). */
export interface PendingWebhook {
  /** Whether the callback came (or failed, which also ends the wait). */
  settled: boolean;
  /** When the vendor was last asked directly, in ms since the epoch. */
  lastPolledAt: number;
}

/** Watches a webhook's `received` promise without letting a rejection go unhandled. */
export function watchWebhook(received: PromiseLike<unknown>): PendingWebhook {
  const pending: PendingWebhook = { settled: false, lastPolledAt: Date.now() };
  Promise.resolve(received).then(
    () => {
      pending.settled = true;
    },
    () => {
      pending.settled = true;
    },
  );
  return pending;
}
