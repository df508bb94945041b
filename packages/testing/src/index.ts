export { describeProviderConformance, type ProviderConformanceOptions } from './conformance/describe-provider-conformance.js';
export { countingProvider, type CallCounts } from './conformance/counting-provider.js';
export { solidPng } from './fixtures/solid-png.js';
