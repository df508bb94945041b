import type { Browser } from 'playwright-core';

/** Launches the packaged headless Chromium; `CHROMIUM_PATH` picks another binary. */
export declare function launchChromium(): Promise<Browser>;
