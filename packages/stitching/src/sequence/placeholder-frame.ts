import { Buffer } from 'node:buffer';
import { solidPng } from '@video-gen/core';
import type { FrameFormat } from '../frames/extract-last-frame.js';

// A 16×16 grey JPEG: a stand-in for models that take no PNG (their checks rarely look at the size).
const GREY_JPEG =
  '/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU4LjQyLjEwMAD/2wBDAAg+Pkk+SVVVVVVVVWRdZGhoaGRkZGRoaGhwcHCDg4NwcHBoaHBwfHyDg4+Tj4eHg4eTk5ubm7q6srLZ2eD/////xABKAAEAAAAAAAAAAAAAAAAAAAAAAQEAAAAAAAAAAAAAAAAAAAAAEAEAAAAAAAAAAAAAAAAAAAAAEQEAAAAAAAAAAAAAAAAAAAAA/8AAEQgAEAAQAwEiAAIRAAMRAP/aAAwDAQACEQMRAD8AAA//2Q==';

/**
 * An image that stands in for a boundary frame that does not exist yet, so the clips after the
 * first can be validated (first frame included) before anything is generated.
 */
export function placeholderFrame(format: FrameFormat, width: number, height: number): Uint8Array {
  return format === 'png'
    ? solidPng(width, height, [128, 128, 128])
    : new Uint8Array(Buffer.from(GREY_JPEG, 'base64'));
}
