/** A parsed `Content-Range` header: the byte span sent and, when the server knows it, the full size. */
export interface ContentRange {
  /** First byte sent; absent for the `bytes *\/size` form a 416 answer uses. */
  start?: number;
  /** Last byte sent, inclusive. */
  end?: number;
  /** The whole resource's size, when the server knows it. */
  size?: number;
}

/** Parses `bytes 100-199/1000`, `bytes 100-199/*` and `bytes *\/1000`; `undefined` for anything else. */
export function parseContentRange(header: string | null): ContentRange | undefined {
  if (!header) return undefined;
  const span = /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(header);
  if (span) {
    const size = span[3] === '*' ? undefined : Number(span[3]);
    return { start: Number(span[1]), end: Number(span[2]), ...(size === undefined ? {} : { size }) };
  }
  const unsatisfied = /^\s*bytes\s+\*\/(\d+)\s*$/i.exec(header);
  return unsatisfied ? { size: Number(unsatisfied[1]) } : undefined;
}

/**
 * The body length a response declares, when it counts the bytes we will read: a compressed body's
 * `Content-Length` counts the encoded bytes, not the decoded ones `fetch` hands over.
 */
export function declaredLength(headers: Headers): number | undefined {
  const encoding = headers.get('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') return undefined;
  const value = headers.get('content-length')?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}
