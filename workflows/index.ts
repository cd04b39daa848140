export { householdWorkflow } from './household/workflow.js';
export { screeningCampaignWorkflow } from './screening/workflow.js';
