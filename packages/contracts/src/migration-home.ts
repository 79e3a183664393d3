import { z } from 'zod';
import { regionCodeSchema } from './common.js';
import { serviceTypeSchema } from './migration.js';

/** The home dashboards of pillar 1: the officer's day and the coordinator's regency. */

export const villageHomeFollowUpSchema = z.object({
  serviceId: z.string(),
  personId: z.string().nullable(),
  name: z.string(),
  serviceType: serviceTypeSchema,
  serviceDate: z.string(),
  followUpDate: z.string(),
  /** The follow-up date has passed (it is not merely today). */
  overdue: z.boolean(),
  notes: z.string().nullable(),
});
export type VillageHomeFollowUp = z.infer<typeof villageHomeFollowUpSchema>;

export const homePlanSchema = z.object({
  planId: z.string(),
  villageCode: z.string(),
  personId: z.string(),
  personName: z.string(),
  destinationName: z.string(),
  occupation: z.string(),
  expectedDepartureDate: z.string().nullable(),
  missingCount: z.number().int(),
  blockerCount: z.number().int(),
  redFlagCount: z.number().int(),
  highRedFlagCount: z.number().int(),
});
export type HomePlan = z.infer<typeof homePlanSchema>;

export const homeContractSchema = z.object({
  placementId: z.string(),
  villageCode: z.string(),
  personId: z.string(),
  personName: z.string(),
  destinationName: z.string(),
  contractEnd: z.string(),
});
export type HomeContract = z.infer<typeof homeContractSchema>;

export const homeCaseSchema = z.object({
  caseId: z.string(),
  villageCode: z.string(),
  personName: z.string(),
  caseType: z.string(),
  status: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type HomeCase = z.infer<typeof homeCaseSchema>;

export const villageHomeSchema = z.object({
  villageCode: z.string(),
  today: z.string(),
  /** Visits whose follow-up date is today or past and not yet marked done. */
  followUps: z.array(villageHomeFollowUpSchema),
  servicesThisMonth: z.number().int(),
  activePlans: z.number().int(),
  readyPlans: z.number().int(),
  /** Active plans not ready yet: documents missing or a blocker. */
  plansMissingDocuments: z.array(homePlanSchema),
  /** Active plans with at least one red flag, the most serious first. */
  flaggedPlans: z.array(homePlanSchema),
  contractsEnding: z.array(homeContractSchema),
  openCases: z.array(homeCaseSchema),
});
export type VillageHome = z.infer<typeof villageHomeSchema>;

export const regencyHomeQuerySchema = z.object({ within: regionCodeSchema.optional() });

export const regencyHomeVillageSchema = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  activePlans: z.number().int(),
  flaggedPlans: z.number().int(),
  openCases: z.number().int(),
  servicesThisMonth: z.number().int(),
});

export const regencyHomeSchema = z.object({
  scopeCode: z.string(),
  today: z.string(),
  /** Red flags escalated from the villages: every active flagged plan in scope, the most serious first. */
  flaggedPlans: z.array(homePlanSchema.extend({ villageName: z.string() })),
  /** Cases referred to the regency (dirujuk_kabupaten) and open cases past their deadline. */
  referredCases: z.array(homeCaseSchema.extend({ villageName: z.string() })),
  overdueCases: z.array(homeCaseSchema.extend({ villageName: z.string() })),
  villages: z.array(regencyHomeVillageSchema),
});
export type RegencyHome = z.infer<typeof regencyHomeSchema>;
