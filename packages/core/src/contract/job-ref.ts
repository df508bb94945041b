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
}
