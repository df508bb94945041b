/** Where clips go without `--out-dir` or `--concat`. Fixed, so `--resume` finds the sequence again. */
export const DEFAULT_SEQUENCE_DIR = 'video-gen-sequence';
