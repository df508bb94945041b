// The headless Chromium for the studio's browser tests and screenshots: the one @sparticuz/chromium
// ships inside its npm package (decompressed on first use), so nothing is downloaded at install
// time and no system browser is needed. Flags keep it off the network and out of the user's profile
// (Playwright gives each launch a fresh temporary profile).
import sparticuz from '@sparticuz/chromium';
import { chromium } from 'playwright-core';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--no-zygote',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--autoplay-policy=no-user-gesture-required',
  '--mute-audio',
];

/** Launches the packaged headless Chromium; `CHROMIUM_PATH` picks another binary. */
export async function launchChromium() {
  const executablePath = process.env.CHROMIUM_PATH || (await sparticuz.executablePath());
  return chromium.launch({ executablePath, args: FLAGS, headless: true });
}
