export { householdWorkflow } from './household/workflow.js';
export { measureTaskWorkflow } from './measure-task/workflow.js';
export { screeningCampaignWorkflow } from './screening/workflow.js';
export { townWorkflow } from './town/workflow.js';
export { countyWorkflow } from './county/workflow.js';
export { importJobWorkflow } from './import/workflow.js';
export { campaignWorkflow } from './campaign/workflow.js';
export { comparisonMonthWorkflow } from './comparison/workflow.js';
