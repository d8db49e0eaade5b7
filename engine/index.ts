// The engine's public face: everything the renderer, the main process and the CLI use.

export * from './model';
export * from './diagnostics';
export {
  parseSource,
  rangeOf,
  type ParsedSource,
  type SourcePosition,
  type DocumentLimits,
  MAX_DOCUMENT_BYTES,
  DOCUMENT_LIMITS,
  CASE_SET_LIMITS,
} from './source';
export { loadOrdinance, checkOrdinance, type LoadedOrdinance } from './ordinance';
export { loadScenario } from './scenario';
export { canonicalJson, fingerprint, shortFingerprint } from './canonical';
export { Sha256, sha256Hex } from './sha256';
export {
  compile,
  CompiledPolicy,
  CompileError,
  HONOR_ALL,
  honorAllFor,
  isHonorAll,
  FEDERAL_MAX_HOLD,
  OUTCOME_CODE,
  resolveScenario,
  type BoundPolicy,
  type CompiledProvision,
  type ConditionNode,
} from './compile';
export { prepareCase, type CaseMend, type CaseProblem } from './cases';
export {
  readCaseSet,
  readCaseContent,
  type CaseFileContent,
  caseFormatOf,
  formatCaseProblem,
  CSV_CASE_COLUMNS,
  CSV_GROUP_COLUMNS,
  CSV_REQUIRED_COLUMNS,
  type CaseSet,
  type CaseFormat,
} from './case-set';
export {
  CaseImporter,
  caseSetWarnings,
  importCases,
  importWorkbook,
  importWorkbookSync,
  narrowCaseSet,
  ImportCancelled,
  type CaseSource,
  type ImportOptions,
  type ImportProgress,
} from './import/importer';
export { indexSheetRows, jsInflater, type InflateStream, type RawInflater, type RawInflaterFactory } from './import/xlsx';
export {
  ALL_CASES,
  chooseCases,
  facilitiesOf,
  periodOf,
  selectCases,
  type CaseChoice,
  type CaseSelection,
  type FacilityCount,
  type SelectedCases,
} from './select-cases';
export { dependsOnLabel, DEPENDS_ON, whichProvisionOnlySentence } from './unknown-facts';
export { UNKNOWN_REQUEST_READING } from './law-applied';
export {
  caseSetVocabulary,
  checkBlankCells,
  checkCaseSetVocabulary,
  type CaseSetVocabulary,
  type VocabularyFinding,
} from './case-vocabulary';
export type { BlankColumn } from './import/csv-cases';
export { columnProblemText, type ColumnProblem, type UnknownColumnWords } from './import/columns';
export { ncicOffense, ncicCodes, NCIC_SOURCE, type NcicOffense } from './ncic';
export { loadColumnMapping, type ColumnMapping, type LoadedMapping } from './import/mapping';
export {
  blankChoices,
  blankOf,
  exportSample,
  guessMapping,
  guessTarget,
  problemInTheApp,
  UNKNOWN_COLUMN_WORDS_IN_THE_APP,
  isSlashedDate,
  slashedDateInTheApp,
  SLASHED_DATES_CHOICE,
  MAP_IN_THE_APP,
  ONE_ROW_PER_CHARGE_IN_THE_APP,
  rowItemSection,
  mappingProblems,
  mappingIssues,
  mappingTargets,
  mappingYaml,
  mayBeUnknown,
  levelChoices,
  ourValues,
  readsAsIs,
  requiredColumns,
  sampleValues,
  type BlankChoice,
  type BlankMeaning,
  type ExportSample,
  type MappingTarget,
  type RequiredColumn,
} from './import/mapping-draft';
export { DATE_ORDERS, type DateOrder } from './import/mapping';
export type { PreparedCase } from './prepared';
export { caseId, caseIndexOf, caseTable, CaseTableBuilder, bookingCaseAt, type CaseIds, type CaseTable } from './case-table';
export {
  simulate,
  decideAll,
  breakdownOf,
  SimulationCancelled,
  type Breakdown,
  type FigureRow,
  type OutcomeRange,
  type UnknownFactsSummary,
  type SimulationResult,
  type SimulationSummary,
  type Coverage,
  type Comparison,
  type ChangedCase,
  type DecidersOneOf,
  type UndecidedBy,
  type DecisionRef,
  type HoldLimit,
  endsFromUnknownRelease,
} from './simulate';
export * from './summary-bounds';
export * from './request-after-release';
export { layoutOrdinance, type Layout } from './layout';
export {
  ordinanceText,
  ordinanceWords,
  longDate,
  type OrdinanceText,
  type TextSection,
  type TextClause,
  type TextItem,
} from './text-model';
export { renderMarkdown, markdownFromText, markdownText } from './render-markdown';
export { conditionWords, detainerTerm, inOrdinanceTerms, joinWords, leafWords, OUTCOME_WORDS } from './wording';
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
export * as time from './time';
export {
  checkDocument,
  lintOrdinance,
  validatorFixes,
  silenceFix,
  LINT_RULES,
  CITATIONS,
  applyQuickFix,
  quickFixTextEdit,
  decisionTable,
  decisionTableCsv,
  diffDrafts,
  caseFacts,
  AnalysisTooLarge,
  analysisTooLargeDiagnostic,
  type CheckedDiagnostic,
  type DocumentCheck,
  type LintDiagnostic,
  type LintOptions,
  type LintRule,
  type QuickFix,
  type DocumentEdit,
  type TextEdit,
  type DecisionTable,
  type DecisionTableRow,
  type DecisionTableOptions,
  type FactColumn,
  type DraftDifference,
  type DraftWitness,
  type DiffOptions,
} from './analysis/index';
export * from './use-cases/index';
export { jsonChunks, streamed, writeBatched, type StreamedList } from './json-chunks';
export {
  EXPORT_FORMATS,
  EXPORT_INPUTS,
  EXPORT_DOCUMENTS,
  RENDITIONS,
  RENDITION_LABELS,
  MIME_TYPES,
  renditionFor,
  isExportFormat,
  exportDocument,
  type ExportFormat,
  type Rendition,
  type ExportInputs,
  type ExportDocument,
  type ExportDocumentId,
  type ExportFileType,
} from './export/catalog';
// The bundle's checks need none of the exporters' libraries: verify and sign start without them.
export {
  verifyPolicyBundle,
  bundleSigningPayload,
  BUNDLE_FORMAT,
  BUNDLE_EDITIONS,
  type BundleEdition,
  type BundleSignature,
  type BundleVerification,
  type PolicyBundle,
} from './export/policy-bundle';
export { lawApplied, type LawApplied, type AppliedAuthority } from './law-applied';
export { LAW, LAW_VERSION, authority, citationOn, unverifiedDateMark, type Authority, type LawSource } from './law';
