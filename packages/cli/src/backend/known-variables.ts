/**
 * The environment variables of the first-party providers, as documented for the Python library.
 * Used only for a provider whose package is not installed (an installed plugin declares its own
 * `environmentVariables`), so doctor can still say "OPENAI_API_KEY is set, install the package".
 */
export const KNOWN_VARIABLES: Readonly<Record<string, readonly string[]>> = {
  sora2: ['OPENAI_API_KEY'],
  'azure-sora': ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_VERSION'],
  veo3: ['GOOGLE_API_KEY', 'GEMINI_API_KEY', 'GOOGLE_CLOUD_PROJECT'],
  runway: ['RUNWAY_API_KEY', 'RUNWAYML_API_SECRET', 'RUNWAY_MODEL'],
};

/**
 * The variables that mean "this vendor's credentials may be configured" (not endpoints or models):
 * what the CLI names when it says which credentials it saw. A Google Cloud project counts, as it
 * works with application default credentials.
 */
export const KNOWN_KEY_VARIABLES: Readonly<Record<string, readonly string[]>> = {
  sora2: ['OPENAI_API_KEY'],
  'azure-sora': ['AZURE_OPENAI_API_KEY'],
  veo3: ['GOOGLE_API_KEY', 'GOOGLE_CLOUD_API_KEY', 'GEMINI_API_KEY', 'GOOGLE_CLOUD_PROJECT'],
  runway: ['RUNWAY_API_KEY', 'RUNWAYML_API_SECRET'],
};
