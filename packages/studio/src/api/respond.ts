import { ValidationError, VideoGenError } from '@video-gen/core';

const NOT_FOUND = new Set(['generation_not_found', 'invalid_generation_id']);

/** An error as JSON for the page: its class, code, message and (for validation) its issues. */
export function errorResponse(error: unknown): Response {
  if (VideoGenError.isInstance(error)) {
    const issues = ValidationError.isInstance(error) ? error.issues : undefined;
    const status = NOT_FOUND.has(error.code) ? 404 : 400;
    return Response.json(
      {
        error: { name: error.name, code: error.code, message: error.message, ...(issues ? { issues } : {}) },
      },
      { status },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return Response.json({ error: { name: 'Error', code: 'internal', message } }, { status: 500 });
}

/** A plain refusal as JSON. */
export function refusal(status: 400 | 404 | 409, code: string, message: string): Response {
  return Response.json({ error: { name: 'StudioError', code, message } }, { status });
}
