// Renders docs/python-parity.md from the parity map, in the reference's order.
import type { ParityEntry } from './parity-map.js';

const KINDS: Readonly<Record<ParityEntry['kind'], string>> = {
  function: 'function',
  class: 'class',
  config: 'config definition',
  method: 'method',
  type: 'type',
  error: 'error class',
};

/** The whole page: a short introduction, then one row per Python name. */
export function renderParityTable(
  names: readonly string[],
  map: Readonly<Record<string, ParityEntry>>,
): string {
  const rows = names.map((name) => {
    const entry = map[name];
    if (!entry) throw new Error(`no TypeScript counterpart for ${name}`);
    return `| \`${name}\` | \`${entry.typescript}\` | \`${entry.packageName}\` | ${KINDS[entry.kind]} | ${entry.note} |`;
  });
  return `# Python parity

Every public name of the Python library \`video_gen\` (its API reference, kept in
[integration/parity/python-api.md](../integration/parity/python-api.md)) and its TypeScript counterpart.
This page is generated: \`integration/parity/parity.test.ts\` imports every name below from its
package, calls it the way the reference's example does (against the local provider or a loopback
fake of the vendor), and fails when this table, the reference and the code disagree. After changing
the map (\`integration/parity/parity-map.ts\`), regenerate it with
\`VIDEO_GEN_WRITE_PARITY_TABLE=1 npx vitest run integration/parity\`.

Units: widths and heights in pixels, \`durationSeconds\` in seconds, delays in milliseconds
(\`delayBetweenClipsMs\`; the CLI takes seconds). Python's \`out_path\` is \`outPath\`, \`file_paths\`
is \`filePaths\` (or \`images\` in \`generateVideo\`), \`backend\` is \`provider\`.

| Python (\`video_gen\`) | TypeScript | package | kind | how it is called |
|---|---|---|---|---|
${rows.join('\n')}

The Python CLI's \`--google-login\` is \`video-gen login google\` (see [cli.md](cli.md)).
`;
}
