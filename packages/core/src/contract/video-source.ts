/** Where the finished video comes from: a stream the provider opened, or a URL core streams itself. */
export type VideoSource =
  | {
      readonly type: 'stream';
      readonly body: ReadableStream<Uint8Array>;
      /** Expected size in bytes, when known: checked after download. */
      readonly size?: number;
      readonly contentType?: string;
    }
  | {
      readonly type: 'url';
      readonly url: string;
      /** Headers (credentials) sent only when the URL is on `credentialOrigin`. */
      readonly headers?: Readonly<Record<string, string>>;
      /** The vendor's own origin, such as `https://api.openai.com`. */
      readonly credentialOrigin?: string;
      /** Expected size in bytes, when known. */
      readonly size?: number;
    };
