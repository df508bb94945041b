import { describeFaultSuite } from '../support/fault-suite.js';

describeFaultSuite('sora2');
