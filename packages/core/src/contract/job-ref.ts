import type { GenerationWarning } from './request.js';

/** A JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A submitted job, as plain JSON: it can be written to disk and handed back later to resume
 * polling and download.
 */
export interface JobRef {
  /** The provider id that ran the job. */
  readonly provider: string;
  /** The model id. */
  readonly model: string;
  /** The vendor's job id. */
  readonly id: string;
  /** When the job was submitted (ISO 8601). */
  readonly createdAt: string;
  /** Provider-specific facts needed to resume (never secrets). */
  readonly data?: { readonly [key: string]: JsonValue };
  /**
   * Warnings the vendor answered the submit with (an AI SDK model's `warnings`, say). Only `submit`
   * sets it: core moves them into the journal and the result's `warnings` and keeps the JobRef
   * without them.
   */
  readonly warnings?: readonly GenerationWarning[];
}
