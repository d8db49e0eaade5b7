// The use cases every face calls: the CLI's commands and the app's workers are adapters over these.

export {
  checkDraft,
  exampleOfFinding,
  readDraftToCompare,
  BASELINE,
  baselineFor,
  type CheckedDraft,
  type ComparedDraft,
  type DraftToCompare,
  type FindingRef,
} from './drafts';
export {
  simulateDraft,
  comparedDraft,
  provisionRefs,
  explainCase,
  explainedDecisions,
  type SimulatedDecision,
  decidingConvictions,
  type DecidingConviction,
  type CaseDecidingConvictions,
  settledDecidingConvictions,
  type SettledDecidingConvictions,
  simulationJson,
  type CompareTarget,
  type SimulatedSide,
  type DraftSimulation,
  type SimulateDraftRequest,
  type ExplainedCase,
  type SimulationJsonHeader,
} from './simulation';
export {
  generatedCaseTable,
  generatedCasesText,
  caseColumns,
  caseColumnBuffers,
  CLASS_BY_RANK,
  type CaseColumns,
  type GeneratedFormat,
} from './cases';
export { changedDecisionGroups, type ChangeGroup } from './change-reasons';
export { outcomeOf, outcomeNumberOf, provisionNumberOf, decodeDecision, type DecisionCode, type ProvisionRef } from '../decision-code';
export {
  loadExpectedDecisions,
  checkExpectedDecisions,
  type ExpectedDecisions,
  type ExpectedCase,
  type ExpectedDecision,
  type LoadedExpectations,
  type CaseVerdict,
  type ExpectationsCheck,
} from './expected';
export { fixDocument, type AppliedFix, type FixedDocument } from './fix';
