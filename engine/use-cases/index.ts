// The use cases every face calls: the CLI's commands and the app's workers are adapters over these.

export {
  isBlocking,
  blockingErrors,
  checkDraft,
  readDraftToCompare,
  BASELINE,
  type CheckedDraft,
  type ComparedDraft,
  type DraftToCompare,
} from './drafts';
export {
  simulateDraft,
  comparedDraft,
  provisionRefs,
  outcomeOf,
  outcomeNumberOf,
  provisionNumberOf,
  decodeDecision,
  explainCase,
  explainedDecisions,
  simulationJson,
  type CompareTarget,
  type ProvisionRef,
  type SimulatedSide,
  type DraftSimulation,
  type SimulateDraftRequest,
  type DecisionCode,
  type ExplainedCase,
  type SimulationJsonHeader,
} from './simulation';
export { generatedCaseTable, generatedCasesText, caseColumns, caseColumnBuffers, type CaseColumns, type GeneratedFormat } from './cases';
