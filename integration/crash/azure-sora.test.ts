import { describeCrashSuite } from '../support/crash-suite.js';

describeCrashSuite('azure-sora', 1);
