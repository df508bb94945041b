/**
 * A webhook for one submit: called once, just before the paid call, it returns the URL the vendor
 * should call back and a promise that settles when it did. It is the same factory as the Vercel AI
 * SDK's `webhook` option, so one written for `experimental_generateVideo` works here too.
 *
 * Core never relies on it: the job is still journaled and polled (more slowly, as the provider
 * decides), so a callback lost in transit never loses the video.
 *
 * @example
 * ```ts
 * const webhook: VideoWebhook = async () => {
 *   const { url, received } = await myTunnel.nextCallback();
 *   return { url, received };
 * };
 * await generateVideo({ provider: 'fal', model: 'luma-ray-2', prompt, webhook });
 * ```
 */
export type VideoWebhook = () => PromiseLike<{
  /** The URL the vendor calls when the job ends. */
  readonly url: string;
  /** Settles when the callback arrived (its value is the vendor's payload). */
  readonly received: PromiseLike<unknown>;
}>;
