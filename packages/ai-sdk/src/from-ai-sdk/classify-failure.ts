/**
 * What a vendor's failure message says happened: a refusal, an expired job, a failed job, or a
 * `transient` failure of the status call itself (checked again, the job kept).
 */
export type FailureKind = 'content_policy' | 'expired' | 'failed' | 'transient';

/**
 * HTTP reason phrases of statuses worth another try. Some models (`@ai-sdk/fal`) report any failed
 * status request as `{ status: 'error' }`; when the body said nothing, the message is the bare
 * reason phrase (or nothing), and a body that is not JSON (a gateway's HTML page) reads "Failed to
 * process error response" (`@ai-sdk/provider-utils`): the check failed, not the job.
 */
const TRANSIENT =
  /^(?:request timeout|conflict|too many requests|internal server error|bad gateway|service unavailable|gateway timeout|failed to process error response)$/i;

/**
 * Reads a failure message for the vendors' usual words: the AI SDK hands failed jobs over as plain
 * strings (`{ status: 'error', error }`), so this is the only signal left. Callers with better
 * knowledge pass `classifyFailure` to {@link fromAiSdk}.
 */
export function classifyFailure(message: string): FailureKind {
  if (message.trim() === '' || TRANSIENT.test(message.trim())) return 'transient';
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
