/** A cancellation wired to Ctrl-C. */
export interface Interrupt {
  /** Pass as `signal`: aborted on the first Ctrl-C (SIGINT) or SIGTERM. */
  readonly signal: AbortSignal;
  /** Removes the signal handlers. */
  dispose(): void;
}

/**
 * Turns the first Ctrl-C into an abort, so core stops waiting, keeps the journal and says how to
 * resume. A second Ctrl-C exits at once (130), for when someone really wants out.
 *
 * @example
 * ```ts
 * const interrupt = abortOnInterrupt(() => reporter.stop());
 * try { await generateVideo({ prompt, signal: interrupt.signal }); } finally { interrupt.dispose(); }
 * ```
 */
export function abortOnInterrupt(onInterrupt?: () => void): Interrupt {
  const controller = new AbortController();
  const handler = (signalName: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    onInterrupt?.();
    controller.abort(new Error(`Interrupted (${signalName})`));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
