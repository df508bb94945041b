import { createHash } from 'node:crypto';
import type { JSONValue } from '@ai-sdk/provider';

const ID_KEYS = [
  'requestId',
  'request_id',
  'taskId',
  'task_id',
  'predictionId',
  'id',
  'operationName',
  'name',
];

/**
 * A readable job id for an AI SDK operation: the operation itself when it is a string, its usual id
 * field (`requestId`, `taskId`, `id`, `operationName`, …), the request id in a fal queue URL, or
 * else a short hash of the whole operation. The operation itself is what resumes the job.
 */
export function operationId(operation: JSONValue): string {
  if (typeof operation === 'string' && operation.length > 0) return operation;
  if (operation !== null && typeof operation === 'object' && !Array.isArray(operation)) {
    const fields = operation as Readonly<Record<string, JSONValue | undefined>>;
    for (const key of ID_KEYS) {
      const value = fields[key];
      if (typeof value === 'string' && value.length > 0) return value;
    }
    const responseUrl = fields.responseUrl;
    if (typeof responseUrl === 'string') {
      const match = /\/requests\/([^/?#]+)/.exec(responseUrl);
      if (match?.[1]) return match[1];
    }
  }
  return `op-${createHash('sha256').update(JSON.stringify(operation)).digest('hex').slice(0, 24)}`;
}
