/**
 * The facts the measure rules read, as the cadre enters them with the
 * application, the monthly update and the visit: housing grade and sole
 * residence, drinking water, and for each member this year's medical cost,
 * schooling (children and students) and employment (labour-capable adults);
 * microcredit applications. Left blank, a fact is unknown and not sent.
 */
import { Button, Checkbox, Form, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { toLocalDate } from '../../../../domain/calendar/dates.js';
import { HOUSE_SAFETY_GRADES, type HouseSafetyGrade } from '../../../../domain/measures/catalogue.js';
import { ageAsOf } from '../../../../domain/measures/household.js';
import type { DrinkingWaterStatus, SchoolingStatus } from '../../../../domain/measures/household.js';
import type { ApplicationBody, Member } from '../../app/api-types.js';
import { drinkingWaterNames, factTexts as t, schoolingNames } from './texts.js';

type Facts = NonNullable<ApplicationBody['facts']>;
type YesNo = 'yes' | 'no';

export interface FactValues {
  safetyGrade?: HouseSafetyGrade | 'suspected';
  soleResidence?: YesNo;
  drinkingWater?: DrinkingWaterStatus;
  members?: Record<string, { medical?: number | null; schooling?: SchoolingStatus; unable?: boolean; employed?: YesNo } | undefined>;
  loans?: { memberId?: string; amountYuan?: number | null; termYears?: number | null }[];
}

const today = () => toLocalDate(Date.now());
const showsSchooling = (m: Member) => m.isStudent || ageAsOf(m, today()) < 18;
const showsEmployment = (m: Member) => m.labourAbility !== 'none' && !m.isStudent && ageAsOf(m, today()) >= 16;
const yesNo = (v: YesNo | undefined) => (v === undefined ? undefined : v === 'yes');

/** The body's `facts`, or nothing when no fact was entered. */
export function toFacts(v: FactValues | undefined): { facts?: Facts } {
  if (!v) return {};
  const housing = {
    ...(v.safetyGrade && v.safetyGrade !== 'suspected' ? { safetyGrade: v.safetyGrade } : {}),
    ...(v.safetyGrade === 'suspected' ? { suspectedDangerous: true } : {}),
    ...(v.soleResidence ? { soleResidence: yesNo(v.soleResidence) } : {}),
  };
  const members = Object.entries(v.members ?? {}).flatMap(([memberId, f]) => {
    if (!f) return [];
    const fact = {
      ...(typeof f.medical === 'number' ? { medicalOutOfPocketYuan: f.medical } : {}),
      ...(f.schooling ? { schooling: f.schooling, ...(f.unable ? { physicallyUnableToAttend: true } : {}) } : {}),
      ...(f.employed ? { employed: yesNo(f.employed) } : {}),
    };
    return Object.keys(fact).length > 0 ? [{ memberId, ...fact }] : [];
  });
  const loans = (v.loans ?? []).flatMap((l) =>
    l.memberId && typeof l.amountYuan === 'number' && typeof l.termYears === 'number' ? [{ memberId: l.memberId, amountYuan: l.amountYuan, termYears: l.termYears }] : [],
  );
  const facts: Facts = {
    ...(Object.keys(housing).length > 0 ? { housing } : {}),
    ...(v.drinkingWater ? { drinkingWater: v.drinkingWater } : {}),
    ...(members.length > 0 ? { members } : {}),
    ...(loans.length > 0 ? { microcredit: loans } : {}),
  };
  return Object.keys(facts).length > 0 ? { facts } : {};
}

const YES_NO = [
  { value: 'yes', label: t.yes },
  { value: 'no', label: t.no },
];

/** The fields, under the form's `facts`. */
export function FactsFields({ members }: { members: readonly Member[] }) {
  return (
    <section aria-label={t.title} style={{ marginTop: 16 }}>
      <Typography.Title level={2} style={{ fontSize: 15 }}>
        {t.title}
      </Typography.Title>
      <Space wrap align="start">
        <Form.Item label={t.safetyGrade} name={['facts', 'safetyGrade']}>
          <Select showSearch optionFilterProp="label"
            allowClear
            style={{ width: 200 }}
            options={[...HOUSE_SAFETY_GRADES.map((g) => ({ value: g, label: t.gradeOption(g) })), { value: 'suspected', label: t.suspected }]}
          />
        </Form.Item>
        <Form.Item label={t.soleResidence} name={['facts', 'soleResidence']}>
          <Radio.Group options={YES_NO} />
        </Form.Item>
        <Form.Item label={t.drinkingWater} name={['facts', 'drinkingWater']}>
          <Select showSearch optionFilterProp="label" allowClear style={{ width: 160 }} options={Object.entries(drinkingWaterNames).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Space>
      {members.map((m) => (
        <Space key={m.id} wrap align="start">
          <Form.Item label={t.medical(m.name)} name={['facts', 'members', m.id, 'medical']}>
            <InputNumber min={0} max={100_000_000} style={{ width: 160 }} />
          </Form.Item>
          {showsSchooling(m) && (
            <>
              <Form.Item label={t.schooling(m.name)} name={['facts', 'members', m.id, 'schooling']}>
                <Select showSearch optionFilterProp="label" allowClear style={{ width: 170 }} options={Object.entries(schoolingNames).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Form.Item name={['facts', 'members', m.id, 'unable']} valuePropName="checked" label=" ">
                <Checkbox>{t.unableToAttend(m.name)}</Checkbox>
              </Form.Item>
            </>
          )}
          {showsEmployment(m) && (
            <Form.Item label={t.employed(m.name)} name={['facts', 'members', m.id, 'employed']}>
              <Radio.Group options={YES_NO} />
            </Form.Item>
          )}
        </Space>
      ))}
      <Form.List name={['facts', 'loans']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} wrap align="baseline">
                <Form.Item label={t.loanMember(i + 1)} name={[field.name, 'memberId']}>
                  <Select showSearch optionFilterProp="label" style={{ width: 140 }} options={members.map((m) => ({ value: m.id, label: m.name }))} />
                </Form.Item>
                <Form.Item label={t.loanAmount(i + 1)} name={[field.name, 'amountYuan']}>
                  <InputNumber min={0} max={100_000_000} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item label={t.loanTerm(i + 1)} name={[field.name, 'termYears']}>
                  <InputNumber min={1} max={30} precision={0} style={{ width: 100 }} />
                </Form.Item>
                <Button onClick={() => remove(field.name)}>{t.remove}</Button>
              </Space>
            ))}
            {members.length > 0 && <Button onClick={() => add({})}>{t.addLoan}</Button>}
          </>
        )}
      </Form.List>
    </section>
  );
}
