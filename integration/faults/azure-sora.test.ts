import { describeFaultSuite } from '../support/fault-suite.js';

describeFaultSuite('azure-sora');
