/**
 * The assessment 考核 weights and the risk-colour 风险等级 rules of a draft
 * policy version, field by field, in the county bureau's words: the checks the
 * console runs as the bureau types (and checkDraft runs before publishing),
 * beside the profile checks that decide (assessmentPolicyProblems,
 * riskColourRulesProblems), and the edits the draft editor makes.
 */
import { RISK_CONDITION_NAMES } from '../monitoring/risk-colour-messages.js';
import { RISK_CONDITIONS, type RiskColourRules, type RiskCondition } from '../monitoring/risk-colour.js';
import { ASSESSMENT_COMPONENT_NAMES } from '../supervision/assessment-messages.js';
import { ASSESSMENT_COMPONENTS, type AssessmentComponent, type AssessmentPolicy } from '../supervision/assessment.js';

export const MAX_SETTING_DAYS = 90;

export const scoringMessages = {
  assessmentTitle: '考核权重和口径',
  riskColoursTitle: '风险等级规则',
  weight: (component: string) => `“${component}”权重`,
  weightRange: (component: string) => `“${component}”权重应为0至100之间的数`,
  weightsAllZero: '各项考核权重不能都为0，至少一项应大于0',
  pointsPerOverdueDay: '任务逾期每天扣分',
  pointsPerOverdueDayRange: '任务逾期每天扣分应为0至100之间的数',
  warningActionDays: '预警处置天数',
  warningActionDaysRange: `预警处置天数应为1至${MAX_SETTING_DAYS}之间的整天数`,
  assessmentNotObject: '考核设置格式不正确，请在表单中重新填写',
  riskColoursNotObject: '风险等级规则格式不正确，请在表单中重新填写',
  unknownCondition: '风险等级规则中有系统不认识的条件，请在表单中重新选择',
  conditionTwice: (condition: string) => `“${condition}”不能同时作为红色和黄色条件，请只选一种`,
  warningClockDays: '预警处置时限（天）',
  warningClockDaysRange: `预警处置时限应为1至${MAX_SETTING_DAYS}之间的整天数`,
  clockNeeded: (condition: string) => `选用“${condition}”时，请填写预警处置时限天数`,
  conditionLevel: (condition: string) => `“${condition}”列为`,
  levelRed: '红色条件',
  levelYellow: '黄色条件',
  levelNone: '不作为条件',
  note: '说明（依据）',
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const inRange = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const wholeDays = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_SETTING_DAYS;

/** What is wrong with the draft's assessment settings and risk-colour rules, in Chinese; none when both are sound or absent. */
export function scoringFieldProblems(body: Record<string, unknown>): string[] {
  const m = scoringMessages;
  const problems: string[] = [];
  const a = body.assessment;
  if (a !== undefined) {
    if (!isObject(a)) problems.push(m.assessmentNotObject);
    else {
      const weights = isObject(a.weights) ? a.weights : {};
      if (a.weights !== undefined && !isObject(a.weights)) problems.push(m.assessmentNotObject);
      for (const [key, weight] of Object.entries(weights)) {
        const name = ASSESSMENT_COMPONENT_NAMES[key as AssessmentComponent];
        if (!name) problems.push(m.assessmentNotObject);
        else if (weight !== undefined && !inRange(weight, 0, 100)) problems.push(m.weightRange(name));
      }
      const given = Object.values(weights).filter((w) => w !== undefined);
      if (given.length > 0 && given.every((w) => w === 0)) problems.push(m.weightsAllZero);
      if (a.pointsPerOverdueDay !== undefined && !inRange(a.pointsPerOverdueDay, 0, 100)) problems.push(m.pointsPerOverdueDayRange);
      if (a.warningActionDays !== undefined && !wholeDays(a.warningActionDays)) problems.push(m.warningActionDaysRange);
    }
  }
  const r = body.riskColours;
  if (r !== undefined) {
    if (!isObject(r) || !Array.isArray(r.red) || !Array.isArray(r.yellow)) problems.push(m.riskColoursNotObject);
    else {
      const all = [...r.red, ...r.yellow] as unknown[];
      if (all.some((c) => !(RISK_CONDITIONS as readonly unknown[]).includes(c))) problems.push(m.unknownCondition);
      for (const c of r.red as RiskCondition[]) if ((r.yellow as unknown[]).includes(c) && RISK_CONDITION_NAMES[c]) problems.push(m.conditionTwice(RISK_CONDITION_NAMES[c]));
      if (r.warningClockDays !== undefined && !wholeDays(r.warningClockDays)) problems.push(m.warningClockDaysRange);
      else if (all.includes('warning_past_clock') && r.warningClockDays === undefined) problems.push(m.clockNeeded(RISK_CONDITION_NAMES.warning_past_clock));
    }
  }
  return problems;
}

type Body = Record<string, unknown>;

const assessmentOf = (body: Body): AssessmentPolicy => (isObject(body.assessment) ? (body.assessment as AssessmentPolicy) : {});
const rulesOf = (body: Body): RiskColourRules => (isObject(body.riskColours) ? (body.riskColours as unknown as RiskColourRules) : { red: [], yellow: [] });

/** The draft with one assessment weight set (null: left out, 未配置). */
export function setWeight(body: Body, component: AssessmentComponent, weight: number | null): Body {
  const a = assessmentOf(body);
  const weights: Partial<Record<AssessmentComponent, number>> = { ...(a.weights ?? {}) };
  if (weight === null) delete weights[component];
  else weights[component] = weight;
  return { ...body, assessment: { ...a, weights } };
}

/** The draft with one of the assessment's other settings set (null: left out). */
export function setAssessmentSetting(body: Body, key: 'pointsPerOverdueDay' | 'warningActionDays' | 'note', value: number | string | null): Body {
  const a: Record<string, unknown> = { ...assessmentOf(body) };
  if (value === null || value === '') delete a[key];
  else a[key] = value;
  return { ...body, assessment: a };
}

/** The draft with a condition made red, yellow or no condition at all. */
export function setConditionLevel(body: Body, condition: RiskCondition, level: 'red' | 'yellow' | null): Body {
  const rules = rulesOf(body);
  const without = (list: readonly RiskCondition[]) => list.filter((c) => c !== condition);
  const red = level === 'red' ? [...without(rules.red), condition] : without(rules.red);
  const yellow = level === 'yellow' ? [...without(rules.yellow), condition] : without(rules.yellow);
  return { ...body, riskColours: { ...rules, red: RISK_CONDITIONS.filter((c) => red.includes(c)), yellow: RISK_CONDITIONS.filter((c) => yellow.includes(c)) } };
}

/** The draft with the warning clock of the colour rules set (null: left out). */
export function setWarningClockDays(body: Body, days: number | null): Body {
  const rules: Record<string, unknown> = { ...rulesOf(body) };
  if (days === null) delete rules.warningClockDays;
  else rules.warningClockDays = days;
  return { ...body, riskColours: rules };
}

/** Which level a condition has in the draft's rules. */
export function conditionLevel(body: Body, condition: RiskCondition): 'red' | 'yellow' | null {
  const rules = rulesOf(body);
  return Array.isArray(rules.red) && rules.red.includes(condition) ? 'red' : Array.isArray(rules.yellow) && rules.yellow.includes(condition) ? 'yellow' : null;
}

/** The assessment settings in words (the profile's screen and the draft's changes). */
export function describeAssessment(a: AssessmentPolicy | undefined, none: string): string {
  if (!a) return none;
  const parts = ASSESSMENT_COMPONENTS.filter((c) => a.weights?.[c] !== undefined).map((c) => `${ASSESSMENT_COMPONENT_NAMES[c]}${a.weights![c]}`);
  if (a.pointsPerOverdueDay !== undefined) parts.push(`${scoringMessages.pointsPerOverdueDay}${a.pointsPerOverdueDay}`);
  if (a.warningActionDays !== undefined) parts.push(`${scoringMessages.warningActionDays}${a.warningActionDays}天`);
  return parts.join('；') || none;
}

/** The risk-colour rules in words. */
export function describeRiskColours(r: RiskColourRules | undefined, none: string): string {
  if (!r) return none;
  const names = (list: readonly RiskCondition[]) => list.map((c) => RISK_CONDITION_NAMES[c] ?? c).join('、') || none;
  const clock = r.warningClockDays === undefined ? '' : `；预警处置时限${r.warningClockDays}天`;
  return `红色：${names(r.red)}；黄色：${names(r.yellow)}${clock}`;
}

export { ASSESSMENT_COMPONENTS, RISK_CONDITIONS };
