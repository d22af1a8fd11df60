/** Rule-, pattern- and gazetteer-based extraction of candidate facts from English, Korean and Chinese text. */
export type {
  Candidate,
  DateValue,
  EventValue,
  ExtractOptions,
  Extraction,
  FigureValue,
  InstallationValue,
  Lang,
  OrganizationValue,
  PlaceValue,
  Span,
} from './types.ts';
export { extract } from './extract.ts';
export { toContractJson, type ContractJson } from './contract.ts';
export { extractFile, readSourceText } from './run-file.ts';
export { loadGazetteer, type GazetteerPlace } from './gazetteer.ts';
export { loadOrganizations, type OrgRecord } from './organizations.ts';
