import { loadVeo3Login } from '../backend/load-veo3-login.js';

/** Which credential veo3 will use, for `video-gen doctor`; null when provider-veo3 is not installed. */
export interface Veo3CredentialReport {
  readonly kind: string;
  readonly variable?: string;
  readonly file?: string;
}

const DESCRIPTIONS: Readonly<Record<string, (report: Veo3CredentialReport) => string>> = {
  'api-key': (report) => `the API key in ${report.variable}`,
  'key-file': () => 'the key file in GOOGLE_APPLICATION_CREDENTIALS',
  'google-login': (report) => `the \`video-gen login google\` login cached in ${report.file}`,
  'application-default': () =>
    'application default credentials (gcloud auth application-default login, or the metadata server); `video-gen login google` is another way',
  none: () =>
    'none: set GOOGLE_CLOUD_PROJECT and run `video-gen login google`, or see docs/providers/veo3.md',
};

/** The report, or null when the Veo package cannot be loaded (doctor lists it as not installed). */
export async function veo3CredentialReport(
  env: Readonly<Record<string, string | undefined>>,
): Promise<Veo3CredentialReport | null> {
  try {
    return (await loadVeo3Login()).veo3CredentialChoice(env);
  } catch {
    return null;
  }
}

/** One line of doctor's text output. */
export function veo3CredentialLine(report: Veo3CredentialReport): string {
  const describe = DESCRIPTIONS[report.kind] ?? (() => report.kind);
  return `veo3 credential: ${describe(report)}`;
}
