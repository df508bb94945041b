import { describeCrashSuite } from '../support/crash-suite.js';

describeCrashSuite('local', 4);
