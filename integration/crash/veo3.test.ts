import { describeCrashSuite } from '../support/crash-suite.js';

describeCrashSuite('veo3', 2);
