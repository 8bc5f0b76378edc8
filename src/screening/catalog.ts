/** The built-in rule base, in the order of the exchange format's table of violation codes. */
import type { RuleDefinition } from './rule.js';
import genderRestricted from './rules/gender_restricted.js';
import ageRestricted from './rules/age_restricted.js';
import instLevelRestricted from './rules/inst_level_restricted.js';
import medTypeRestricted from './rules/med_type_restricted.js';
import indicationRestricted from './rules/indication_restricted.js';
import overPriceCap from './rules/over_price_cap.js';
import nonCoveredBilled from './rules/non_covered_billed.js';
import overDaysSupply from './rules/over_days_supply.js';
import splitPrescription from './rules/split_prescription.js';
import duplicatePrescribing from './rules/duplicate_prescribing.js';
import frequencyExceeded from './rules/frequency_exceeded.js';
import duplicateCharge from './rules/duplicate_charge.js';
import unbundling from './rules/unbundling.js';
import splitAdmission from './rules/split_admission.js';
import overlappingAdmissions from './rules/overlapping_admissions.js';
import phantomAdmission from './rules/phantom_admission.js';
import unverifiedAdmission from './rules/unverified_admission.js';
import deceasedPatient from './rules/deceased_patient.js';
import suspendedInstitution from './rules/suspended_institution.js';
import suspendedPractitioner from './rules/suspended_practitioner.js';
import suspendedDepartment from './rules/suspended_department.js';
import admissionCluster from './rules/admission_cluster.js';
import cardBurst from './rules/card_burst.js';
import stockMismatch from './rules/stock_mismatch.js';
import rxWithoutPrescription from './rules/rx_without_prescription.js';

export const BUILT_IN_RULES: readonly RuleDefinition[] = [
  genderRestricted,
  ageRestricted,
  instLevelRestricted,
  medTypeRestricted,
  indicationRestricted,
  overPriceCap,
  nonCoveredBilled,
  overDaysSupply,
  splitPrescription,
  duplicatePrescribing,
  frequencyExceeded,
  duplicateCharge,
  unbundling,
  splitAdmission,
  overlappingAdmissions,
  phantomAdmission,
  unverifiedAdmission,
  deceasedPatient,
  suspendedInstitution,
  suspendedPractitioner,
  admissionCluster,
  cardBurst,
  stockMismatch,
  rxWithoutPrescription,
  // Extensions of the exchange format's codes.
  suspendedDepartment,
];

export function findRule(code: string): RuleDefinition | undefined {
  return BUILT_IN_RULES.find((r) => r.code === code);
}
