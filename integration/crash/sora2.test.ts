import { describeCrashSuite } from '../support/crash-suite.js';

describeCrashSuite('sora2', 0);
