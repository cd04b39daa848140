/**
 * Assistance measures 帮扶措施: the catalogue as policy data, the eligibility
 * rules, and the suggestions a person confirms or changes.
 */
export * from './catalogue.js';
export * from './catalogue-problems.js';
export * from './catalogues/index.js';
export * from './eligibility.js';
export * from './employment.js';
export * from './facts.js';
export * from './household.js';
export * from './suggest.js';
