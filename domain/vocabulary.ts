/**
 * Tumen's own controlled vocabularies. Event types map to HURIDOCS Micro-thesaurus 04
 * ("Types of Acts", © HURIDOCS, codes used for interoperability with acknowledgement).
 */

export const SOURCE_KINDS = [
  'news_report',
  'ngo_report',
  'un_report',
  'testimony',
  'document',
  'imagery_analysis',
  'statistical_table',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Admiralty code, source reliability: A completely reliable … E unreliable, F cannot be judged. */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];

/** Admiralty code, credibility of the information: 1 confirmed … 5 improbable, 6 cannot be judged. */
export const INFO_CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;

export const EVENT_TYPES = [
  'forced_repatriation',
  'arrest_detention',
  'border_crossing',
  'defection_arrival',
  'trafficking',
  'execution_punishment',
  'surveillance_deployment',
  'aid_restriction',
  'statement',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Closest HURIDOCS MT04 codes. Trafficking has no MT04 term; slavery/forced labour are the nearest. */
export const EVENT_TYPE_HURIDOCS: Record<EventType, readonly string[]> = {
  forced_repatriation: ['38 01 01', '33 01 01'],
  arrest_detention: ['03 01 01', '03 01 02'],
  border_crossing: ['05 01 06'],
  defection_arrival: ['05 01 02'],
  trafficking: ['03 01 06', '30 01 02 01'],
  execution_punishment: ['01 01 01 01', '01 01 01 03'],
  surveillance_deployment: ['02 01 03 03'],
  aid_restriction: ['01 01 90 03 01'],
  statement: [],
  other: [],
};

export const INSTALLATION_KINDS = [
  'camera',
  'fence',
  'watchtower',
  'infrared_detector',
  'signal_detector',
  'facial_recognition',
  'gps_tracker',
  'checkpoint',
  'facility',
  'other',
] as const;
export type InstallationKind = (typeof INSTALLATION_KINDS)[number];

export const OBSERVATION_ACTIONS = ['built', 'upgraded', 'seen', 'removed'] as const;

export const ORGANIZATION_KINDS = [
  'state_agency',
  'security_force',
  'ngo',
  'un_body',
  'media',
  'broker_network',
  'religious',
  'research',
  'company',
  'other',
] as const;

export const PLACE_KINDS = [
  'country',
  'province',
  'county',
  'city',
  'town',
  'district',
  'river',
  'mountain',
  'border_crossing',
  'facility',
  'region',
  'other',
] as const;

export const GEO_PRECISIONS = ['exact', 'town', 'county', 'province', 'country', 'unknown'] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

export const COUNT_QUALIFIERS = ['exact', 'about', 'more_than', 'up_to'] as const;

export const FIGURE_QUALIFIERS = [
  'exact',
  'about',
  'almost',
  'more_than',
  'at_least',
  'up_to',
  'less_than',
  'only',
  'range',
] as const;

export const INVOLVEMENT_ROLES = ['victim', 'perpetrator', 'witness', 'source'] as const;

export const CASE_STATUSES = ['in_hiding', 'detained', 'transferred', 'repatriated', 'missing', 'safe'] as const;

/** What a case's person is at risk of now: the analyst's judgement, read from the status timeline. */
export const CASE_RISKS = ['detained', 'facing_repatriation', 'disappeared', 'repatriated', 'in_hiding', 'safe', 'unknown'] as const;
export type CaseRisk = (typeof CASE_RISKS)[number];

/** The uses a person (or their family) may consent to; `none` records an explicit refusal. */
export const CONSENT_USES = ['un_communication', 'publication', 'none'] as const;
export type ConsentUse = (typeof CONSENT_USES)[number];

/** Who gave the consent: Special Procedures accept the victim's, the family's or a representative's. */
export const CONSENT_GIVERS = ['victim', 'family', 'legal_representative', 'other'] as const;

export const RECORD_STATUSES = ['candidate', 'confirmed', 'rejected'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
