// order-to-cash/rebates: rebate, royalty and trade-allowance deals, tiers, accrual, true-up and forecasts.
export { type AccrualTotal, accrualTotals } from './accrualTotals.js';
export {
  accrueRebateColumns,
  indexRebateParties,
  type RebateLineColumns,
  type RebateParty,
  type RebatePartyIndex,
  rebateLineColumns,
} from './accrueRebateColumns.js';
export {
  type AccrualResult,
  type AccrualState,
  type AccrueRebatesOptions,
  type AppliedReduction,
  accrueRebates,
  emptyAccrual,
  listProvisions,
  mergeAccruals,
  type ProvisionEntry,
} from './accrueRebates.js';
export { type ClaimRebatesOptions, type ClaimRebatesResult, claimRebates, type RebateClaimPart, type RebatePeriodClaim } from './claimRebates.js';
export { type CalculateTierRebateOptions, calculateTierRebate, type TierRebate, type TierRebateInput } from './calculateTierRebate.js';
export { type CompiledDeal, compileRebateDeals, type RebateProgram } from './compileRebateDeals.js';
export { type ForecastRebateInput, type ForecastRebateOptions, forecastRebate, type RebateForecast } from './forecastRebate.js';
export {
  type RebateCalculation,
  type RebateDeal,
  RebateDealSchema,
  type RebatePeriod,
  type RebateProgramType,
  type RebateScope,
  RebateScopeSchema,
  type RebateSourceLine,
  RebateSourceLineSchema,
  type RebateStage,
  type RebateTier,
  type ReductionBasis,
  type TierMethod,
} from './RebateDeal.js';
export {
  type ReducedRebate,
  type ReduceOverlappingRebatesOptions,
  type ReducingDeal,
  type ReductionStage,
  reduceOverlappingRebates,
  reductionMatches,
} from './reduceOverlappingRebates.js';
export { type GuaranteePeriod, type RoyaltyGuaranteeOptions, royaltyGuarantee } from './royaltyGuarantee.js';
export {
  type RebateAdjustment,
  type RebateClaim,
  type RebateSettlement,
  type TrueUpRebatesOptions,
  type TrueUpResult,
  trueUpRebates,
} from './trueUpRebates.js';
export { type FreeGoodsInput, freeGoodsQuantity } from './freeGoodsQuantity.js';
