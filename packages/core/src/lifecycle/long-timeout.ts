/** The longest delay `setTimeout` takes: longer ones fire after 1 ms in Node, Bun and Deno. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * Calls `callback` once `delayMs` has passed, however long that is: a delay above
 * {@link MAX_TIMER_DELAY_MS} is waited out in chunks, re-arming the timer each time. Returns the
 * cancel.
 *
 * @example
 * ```ts
 * const cancel = setLongTimeout(() => controller.abort(), 30 * 24 * 3_600_000); // 30 days
 * ```
 */
export function setLongTimeout(callback: () => void, delayMs: number): () => void {
  const due = Date.now() + delayMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (left: number) => {
    timer = setTimeout(
      () => {
        const remaining = due - Date.now();
        if (remaining > 0) arm(remaining);
        else callback();
      },
      Math.min(Math.max(left, 0), MAX_TIMER_DELAY_MS),
    );
  };
  arm(delayMs);
  return () => clearTimeout(timer);
}
