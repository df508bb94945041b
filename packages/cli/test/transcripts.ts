// Reads the `console` transcripts of a Markdown page, so a test can run each documented command and
// compare what it printed with what the page shows.

/** One `$ command` of a transcript and the lines the page shows after it. */
export interface TranscriptStep {
  readonly command: string;
  readonly output: readonly string[];
}

/** One ```console block, with the directives of the HTML comment just before it. */
export interface Transcript {
  /** The line of the opening fence, for failure messages. */
  readonly line: number;
  readonly steps: readonly TranscriptStep[];
  /** `<!-- transcript: skip (why) -->`: the block is not run, and says why. */
  readonly skip: string | null;
  /** `<!-- transcript: files a.png b.txt="text" -->`: files the block's folder starts with. */
  readonly files: readonly { name: string; text: string | null }[];
}

const DIRECTIVE = /^<!--\s*transcript:\s*(.*?)\s*-->$/;

function parseFiles(spec: string): { name: string; text: string | null }[] {
  return [...spec.matchAll(/([\w.-]+)(?:="([^"]*)")?/g)].map((match) => ({
    name: match[1] ?? '',
    text: match[2] ?? null,
  }));
}

/**
 * The transcripts of a Markdown page: every ```console block, split into `$ command` steps.
 *
 * @example
 * ```ts
 * readTranscripts(readFileSync('docs/cli.md', 'utf8'))[0]?.steps[0]?.command; // 'video-gen "a red kite…'
 * ```
 */
export function readTranscripts(markdown: string): Transcript[] {
  const lines = markdown.split('\n');
  const transcripts: Transcript[] = [];
  let skip: string | null = null;
  let files: { name: string; text: string | null }[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const directive = DIRECTIVE.exec(line.trim());
    if (directive) {
      const body = directive[1] ?? '';
      if (body.startsWith('skip')) skip = body.slice('skip'.length).trim() || 'skipped';
      else if (body.startsWith('files')) files = parseFiles(body.slice('files'.length));
      continue;
    }
    if (line.trim() !== '```console') continue;
    const start = index + 1;
    const steps: { command: string; output: string[] }[] = [];
    for (index += 1; index < lines.length && lines[index]?.trim() !== '```'; index += 1) {
      const text = lines[index] ?? '';
      if (text.startsWith('$ ')) steps.push({ command: text.slice(2), output: [] });
      else steps.at(-1)?.output.push(text);
    }
    transcripts.push({ line: start, steps, skip, files });
    skip = null;
    files = [];
  }
  return transcripts;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The job ids in a text, in order. */
export function uuidsIn(text: string): string[] {
  return text.match(UUID) ?? [];
}

/**
 * The shape of a command's output: what stays the same between runs. Job ids, times, sizes and
 * dates are replaced by placeholders, column padding is collapsed, and intermediate
 * `running N%` progress lines (as many as the machine's speed gives) are dropped.
 */
export function outputShape(lines: readonly string[]): string[] {
  return lines
    .filter((line) => !/^\[\s*[\d.]+ s\] (clip \d+\/\d+: )?running [1-9]\d*%$/.test(line))
    .map((line) =>
      line
        .replace(UUID, '<id>')
        .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
        .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g, '<time>')
        .replace(/\[\s*[\d.]+ s\]/g, '[<t>]')
        .replace(/\d+(\.\d+)? (kB|MB|GB|B)\b/g, '<bytes>')
        .replace(/ in [\d.]+ s\b/g, ' in <t>')
        .replace(/\s+/g, ' ')
        .trimEnd(),
    )
    .filter((line) => line !== '');
}
