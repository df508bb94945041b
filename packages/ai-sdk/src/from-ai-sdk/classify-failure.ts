/** What a vendor's failure message says happened. */
export type FailureKind = 'content_policy' | 'expired' | 'failed';

/**
 * Reads a failure message for the vendors' usual words: the AI SDK hands failed jobs over as plain
 * strings (`{ status: 'error', error }`), so this is the only signal left. Callers with better
 * knowledge pass `classifyFailure` to {@link fromAiSdk}.
 */
export function classifyFailure(message: string): FailureKind {
  if (
    /content[ _-]?policy|safety|moderat|nsfw|raiMediaFiltered|responsible ai|usage guidelines|prohibited|inappropriate/i.test(
      message,
    )
  ) {
    return 'content_policy';
  }
  if (/expired|no longer (?:available|exists)|has been deleted/i.test(message)) return 'expired';
  return 'failed';
}
