// Images (issue 14 items 10 and 16): typed by their bytes, bounded in declared pixels, decoded far
// enough to be usable, and never read from a FIFO, device or folder; all before any paid call.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { solidPng } from '@video-gen/testing/loopback';
import { expect } from 'vitest';
import { isMp4 } from '../../support/files.js';
import { either, type HostileCase, inputFile, invalidOption, success, validation } from '../case.js';
import { declaredPng, INPUT } from '../fixtures.js';
import { gen } from './calls.js';

type Role = 'firstFrame' | 'images';

const at = (role: Role, file: string) =>
  gen(({ inputs }) => {
    const full = path.join(inputs, file);
    return role === 'images' ? { images: [full] } : { firstFrame: full };
  });

/** One file input under both ways of passing it. */
function both(what: string, file: string, expectation: ReturnType<typeof inputFile>): HostileCase[] {
  return (['firstFrame', 'images'] as const).map((role) => ({
    name: `${what} as ${role}`,
    run: at(role, file),
    expect: expectation,
  }));
}

const tooLarge = inputFile('input_image_too_large');
const unreadable = inputFile('input_file_unreadable');

const producedVideo = (result: unknown) => expect(isMp4((result as { path: string }).path)).toBe(true);

export const IMAGE_CASES: readonly HostileCase[] = [
  ...both('a zero-byte image', INPUT.empty, inputFile('input_file_empty')),
  ...both('a PNG cut inside its header (20 bytes)', INPUT.truncated, inputFile('input_file_corrupt')),
  ...both('a text file named .png', INPUT.notes, inputFile('input_file_unsupported_type')),
  ...both('256 bytes of garbage named .png', INPUT.garbage, inputFile('input_file_unsupported_type')),
  ...both('a 58-byte PNG declaring 16000x16000 (851 MB in ffmpeg)', INPUT.bomb16k, tooLarge),
  ...both('a PNG declaring 100000x100000', INPUT.bomb100k, tooLarge),
  ...both('a JPEG declaring 65000x65000', INPUT.bombJpeg, tooLarge),
  ...both('a WebP declaring 16384x16384', INPUT.bombWebp, tooLarge),
  ...both('a PNG cut right after its header', INPUT.headerOnly, unreadable),
  ...both('a PNG whose pixel data is garbage', INPUT.corruptData, unreadable),
  ...both('a JPEG cut right after its frame header', INPUT.cutJpeg, unreadable),
  {
    name: 'a PNG declaring 0x0',
    run: at('firstFrame', INPUT.zeroSize),
    expect: inputFile('input_file_corrupt', 'input_file_unreadable'),
  },
  ...both('a 51 MB image', INPUT.big, inputFile('input_file_too_large')),
  ...both('a FIFO named .png (no hang)', INPUT.fifo, unreadable),
  ...both('a folder named .png', INPUT.dir, unreadable),
  ...both('a symlink to a folder', INPUT.linkToDir, unreadable),
  ...both('a dangling symlink', INPUT.dangling, inputFile('input_file_missing')),
  ...both('a symlink loop', INPUT.loop, inputFile('input_file_unreadable', 'input_file_missing')),
  {
    name: 'the character device /dev/zero as an image (no endless read)',
    run: gen({ firstFrame: '/dev/zero' }),
    expect: unreadable,
  },
  {
    name: 'an image path with .. that leads nowhere',
    run: gen(({ inputs }) => ({ firstFrame: path.join(inputs, '..', '..', 'no-such-dir', 'frame.png') })),
    expect: inputFile('input_file_missing'),
  },
  {
    name: 'an image path with a NUL byte',
    run: gen(({ inputs }) => ({ firstFrame: `${inputs}/frame.png\u0000.txt` })),
    expect: either(invalidOption('firstFrame'), inputFile('input_file_missing', 'input_file_unreadable')),
  },
  {
    name: 'image bytes: an empty Uint8Array',
    run: gen({ firstFrame: new Uint8Array(0) }),
    expect: inputFile('input_file_empty'),
  },
  {
    name: 'image bytes: a PNG bomb as an ArrayBuffer',
    run: gen({ firstFrame: new Uint8Array(declaredPng(20_000, 20_000)).buffer }),
    expect: tooLarge,
  },
  {
    name: 'image bytes: a PNG cut after its header',
    run: gen({ firstFrame: new Uint8Array(solidPng(160, 90).subarray(0, 33)) }),
    expect: unreadable,
  },
  {
    name: 'image URL over http',
    run: gen({ firstFrame: 'http://example.com/frame.png' }),
    expect: inputFile('input_file_unsupported_url'),
  },
  {
    name: 'image URL file:///etc/passwd',
    run: gen({ firstFrame: 'file:///etc/passwd' }),
    expect: inputFile('input_file_unsupported_url'),
  },
  {
    name: 'image URL ftp://',
    run: gen({ firstFrame: 'ftp://example.com/frame.png' }),
    expect: inputFile('input_file_unsupported_url'),
  },
  {
    name: 'a last frame on a model without last frames (Sora)',
    vendor: 'sora2',
    run: gen(({ inputs }) => ({ lastFrame: path.join(inputs, INPUT.frame1280) })),
    expect: validation('lastFrame'),
  },
  {
    name: 'reference images on a model that takes none',
    run: gen(({ inputs }) => ({ referenceImages: [path.join(inputs, INPUT.frame)] })),
    expect: validation('referenceImages'),
  },
  {
    name: 'three untyped images for a model that takes one',
    run: gen(({ inputs }) => ({
      images: [INPUT.frame, INPUT.jpeg, INPUT.frame].map((f) => path.join(inputs, f)),
    })),
    expect: validation(['images', 'referenceImages']),
  },
  {
    name: 'a first frame of the wrong size for Sora (no fitInputReference)',
    vendor: 'sora2',
    run: gen(({ inputs }) => ({ firstFrame: path.join(inputs, INPUT.frame) })),
    expect: validation(['firstFrame', 'images']),
  },
  {
    name: 'a PNG named .jpg behind a symlink and a .. segment: followed, typed by its bytes, accepted',
    vendor: 'sora2',
    run: gen(({ inputs }) => ({
      firstFrame: path.join(inputs, 'sub', '..', INPUT.linkToFrame),
      providerOptions: { sora2: { fitInputReference: 'cover' } },
    })),
    expect: success(producedVideo),
  },
  {
    name: 'a valid JPEG first frame on the local provider: accepted',
    run: gen(({ inputs }) => ({ firstFrame: path.join(inputs, INPUT.jpeg) })),
    expect: success(producedVideo),
  },
  {
    name: 'valid PNG bytes as the first frame: accepted',
    run: gen(({ inputs }) => ({ firstFrame: new Uint8Array(readFileSync(path.join(inputs, INPUT.frame))) })),
    expect: success(producedVideo),
  },
];
