import { existsSync } from 'node:fs';
import { hasVeo3Credentials } from '../veo3-config.js';
import { googleLoginFile } from './google-token-file.js';

/** Which credential provider-veo3 will use, as `video-gen doctor` shows it. Never holds a value. */
export interface Veo3CredentialChoice {
  /**
   * - `api-key`: express mode or the legacy Gemini API, with the key in `variable`;
   * - `key-file`: the service-account (or other) key file in `GOOGLE_APPLICATION_CREDENTIALS`;
   * - `google-login`: the login cached by `video-gen login google`, in `file`;
   * - `application-default`: gcloud's application default credentials, or the metadata server;
   * - `none`: nothing selects Veo (no project, no key).
   */
  readonly kind: 'api-key' | 'key-file' | 'google-login' | 'application-default' | 'none';
  /** The variable behind the choice, when there is one. */
  readonly variable?: string;
  /** The cached login's file, for `google-login`. */
  readonly file?: string;
}

const FLAG_ON = ['true', '1', 'yes', 'on', 'y', 'enabled'];

/**
 * Which credential provider-veo3 will use with the environment `env` and no credential in code,
 * in its order: an API key where the mode takes one, then (Vertex AI in a project)
 * `GOOGLE_APPLICATION_CREDENTIALS`, the `video-gen login google` cache, application default credentials.
 *
 * @example
 * ```ts
 * veo3CredentialChoice(process.env); // { kind: 'google-login', file: '…/video-gen/credentials/google.json' }
 * ```
 */
export function veo3CredentialChoice(
  env: Readonly<Record<string, string | undefined>>,
): Veo3CredentialChoice {
  const set = (name: string) => Boolean(env[name]?.trim());
  const file = googleLoginFile(env);
  if (!set('GOOGLE_CLOUD_PROJECT')) {
    if (!hasVeo3Credentials(env)) return { kind: 'none' };
    const flag =
      (env.GOOGLE_GENAI_USE_ENTERPRISE ?? env.GOOGLE_GENAI_USE_VERTEXAI)?.trim().toLowerCase() ?? '';
    const keys = FLAG_ON.includes(flag)
      ? ['GOOGLE_API_KEY', 'GOOGLE_CLOUD_API_KEY']
      : ['GEMINI_API_KEY', 'GOOGLE_API_KEY'];
    const variable = keys.find(set);
    return variable ? { kind: 'api-key', variable } : { kind: 'none' };
  }
  if (set('GOOGLE_APPLICATION_CREDENTIALS'))
    return { kind: 'key-file', variable: 'GOOGLE_APPLICATION_CREDENTIALS' };
  if (existsSync(file)) return { kind: 'google-login', file };
  return { kind: 'application-default' };
}
