import { describeFaultSuite } from '../support/fault-suite.js';

describeFaultSuite('veo3');
