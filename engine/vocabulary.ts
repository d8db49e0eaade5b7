// The engine's vocabulary for views on the UI thread: the document's and the results' names and
// lists, decision codes decoded, what blocks a draft, the export catalog, file names, the problems' short
// titles, and the words for a hold.
// Nothing here loads the validators, the compiler or the YAML reader, so a view can import it freely;
// the engine's work is asked of a worker through engine/index.ts.

export * from './model';
export {
  isBlocking,
  blockingErrors,
  formatDiagnostic,
  messageWithCitation,
  type Diagnostic,
  type Severity,
  type PathSegment,
} from './diagnostics';
export { outcomeOf, outcomeNumberOf, provisionNumberOf, decodeDecision, type DecisionCode, type ProvisionRef } from './decision-code';
export { joinWords, maxHoldWords, OUTCOME_WORDS, withDetainerTerm } from './wording';
export {
  isBaselineRule,
  provisionName,
  provisionNameIn,
  provisionNamer,
  provisionShortName,
  provisionShortTitle,
  provisionTitle,
  type NameableProvision,
} from './provision-names';
export { BASELINE_HEADING, BASELINE_NAME, BASELINE_TITLE, BASELINE_TITLE_HEADING, baselineRuleWords } from './baseline-reasons';
export * from './export/catalog';
export { caseSetLabel, caseSetTitle, isWindowsDeviceName, policyBaseName } from './file-names';
export { problemTitle, TITLED_CODES } from './problem-titles';
export { lawApplied, type LawApplied, type AppliedAuthority } from './law-applied';
export { authority, unverifiedDateMark, type Authority, type LawSource } from './law';
export { longDate } from './text-model';
export { stateCodeOf, STATE_NAMES } from './states';
export { keptOutByAgreement, readsAgreement, requiredAgreement } from './agreement';
export { layoutOrdinance, type Layout } from './layout';
export { CLASS_BY_RANK } from './offense-rank';
export { caseId, type CaseIds } from './case-ids';
export { changedDecisionGroups, type ChangeGroup } from './use-cases/change-reasons';
export { count, hours, money, share, signed } from './numbers';
export * from './summary-bounds';
export { requestAfterReleaseSentence } from './request-after-release';
export { dependsOnKeys, dependsOnLabel, whichProvisionOnlySentence } from './unknown-facts';
export { UNKNOWN_REQUEST_READING } from './law-applied';
export { dayOfWeek, daysFromCivil, formatDateTime, holdEnd, HolidayCalendar, zonesAsChoice, zonesCitation, zonesOfState } from './time';
