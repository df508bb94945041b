import { describeCrashSuite } from '../support/crash-suite.js';

describeCrashSuite('runway', 3);
