// order-to-cash/credit: exposure, limits and credit checks, aging, KPIs, scoring, collections.
export { type CreditCheckInput, type CreditCheckOptions, type CreditCheckResult, type CreditLevelInput, type CreditReason, creditCheck } from './creditCheck.js';
export {
  type CreditLimitInput,
  CreditLimitInputSchema,
  type EffectiveCreditLimit,
  type EffectiveCreditLimitOptions,
  effectiveCreditLimit,
  type ZeroLimitMeaning,
} from './effectiveCreditLimit.js';
export {
  type AgingAccumulator,
  type AgingBasis,
  type AgingBucketDefinition,
  type AgingBucketTotal,
  type AgingItem,
  type AgingOptions,
  type AgingSnapshot,
  type CompiledAgingOptions,
  ageItems,
  ageItemsAsync,
  agingAccumulator,
  compileAgingOptions,
  mergeAging,
  STANDARD_AGING_BUCKETS,
} from './aging.js';
export { computeExposure, type Exposure, type ExposureComponent, type ExposureInput, groupExposure } from './exposure.js';
export { type CeiInput, collectionEffectivenessIndex } from './collectionEffectivenessIndex.js';
export {
  type CompiledRatioOptions,
  compileRatioOptions,
  type CountbackPeriod,
  countbackDso,
  type DsoInput,
  type DsoResult,
  daysSalesOutstanding,
  type RatioOptions,
} from './dso.js';
export {
  averageDaysBeyondTerms,
  type CompiledPaymentBehaviourOptions,
  compilePaymentBehaviourOptions,
  mergePaymentBehaviour,
  PAYMENT_INDEX_ANCHORS,
  type PaymentBehaviour,
  type PaymentBehaviourAccumulator,
  type PaymentBehaviourOptions,
  type PaymentExperience,
  paymentBehaviour,
  paymentBehaviourAccumulator,
  paymentBehaviourAsync,
  paymentIndex,
} from './paymentIndex.js';
export {
  type BlockingRule,
  type BlockingRuleKind,
  type BlockingRuleOptions,
  type CreditDecision,
  type CreditPolicy,
  type CustomerCreditData,
  creditPolicy,
  evaluateBlockingRules,
  type RuleHit,
  type RuleValueType,
} from './blockingRules.js';
export {
  type CreditCheckedOrder,
  type CustomerCreditAccount,
  type OrderCreditPolicyOptions,
  type OrderCreditReason,
  type OrderCreditVerdict,
  orderCreditPolicy,
} from './orderCreditPolicy.js';
export { ALTMAN_MODELS, type AltmanModel, type AltmanRatios, type AltmanZone, altmanZ } from './altmanZ.js';
export { type AutomaticCreditLimitInput, type AutomaticLimitLine, automaticCreditLimit, type LimitRecommendation } from './automaticCreditLimit.js';
export { type RecommendCreditLimitInput, recommendCreditLimit } from './recommendCreditLimit.js';
export { type RiskClass, type RiskScoreResult, riskScore, type ScoringGroup } from './riskScore.js';
export { type CompiledScorecard, compileScorecard, type Scorecard, type ScorecardCriterion, type ScorecardResult, scoreWithScorecard } from './scorecard.js';
export { type ScoreFromOddsOptions, type ScoreScaling, scalingConstants, scoreFromOdds } from './scoreScaling.js';
export { type DunningItem, type DunningLetter, type DunningLevel, dunningProposal } from './dunningProposal.js';
export { type DayCount, type InterestNote, type InterestNoteLine, type InterestNoteOptions, type InterestRateVersion, interestNote } from './interestNote.js';
