export { householdWorkflow } from './household/workflow.js';
