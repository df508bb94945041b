import packageJson from '../package.json' with { type: 'json' };

/** The CLI's own version, from its package.json (bundled at build time). */
export const CLI_VERSION: string = packageJson.version;
