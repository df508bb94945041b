export { type CostEstimate, type CostedRequest, estimateCost } from './estimate-cost.js';
export { checkMaxCost, describeMaxCost, type MaxCost } from './max-cost.js';
export { type CostTotal, recordCost, sumCosts } from './sum-costs.js';
export { withPrices } from './with-prices.js';
