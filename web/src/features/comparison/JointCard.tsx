import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import { QueryView } from '../../app/states.js';
import { jointTexts as j } from './messages.js';

/** 民政's 低保 / 特困 marks of the household, beside the system's own assessment on the same income calculation. */
export function JointCard({ householdId }: { householdId: string }) {
  const marks = useQuery({ queryKey: ['assistance-marks', householdId], queryFn: () => api.assistanceMarks(householdId) });
  return (
    <QueryView query={marks}>
      {(v) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{v.basis}</Typography.Text>
          {v.marks.length === 0 && <Typography.Text>{j.none}</Typography.Text>}
          {v.marks.map((mark) => (
            <article key={mark.id} aria-label={`${j.mark(mark.kindName)} ${mark.open ? j.open : j.ended}`} style={{ overflowWrap: 'anywhere' }}>
              <Space wrap size={4}>
                <Tag color={mark.open ? 'blue' : 'default'}>{j.mark(mark.kindName)}</Tag>
                <Tag>{mark.open ? j.open : j.ended}</Tag>
              </Space>
              <div>{j.since(mark.startedMonth, `${mark.feedName} · ${mark.fileName}`)}</div>
              <div>{mark.open ? j.lastSeen(mark.lastMonth) : j.until(mark.lastMonth, mark.endedMonth ?? '', mark.endedReason ?? '')}</div>
              <div>{j.person(mark.memberName)}</div>
            </article>
          ))}
          <Descriptions size="small" column={1} title={<h3 style={{ fontSize: 14, margin: 0 }}>{j.system}</h3>}>
            <Descriptions.Item label={j.system}>
              {v.assessment ? (
                <span>
                  {j.assessment(v.assessment.period, v.assessment.conclusionName)}；{j.perCapita(v.assessment.perCapitaYuan, v.assessment.monitoringLine)}
                </span>
              ) : (
                v.assessmentNote
              )}
            </Descriptions.Item>
            <Descriptions.Item label={j.filter}>{v.monitored ? j.monitored : j.notMonitored}</Descriptions.Item>
          </Descriptions>
          {v.atRiskNote && <Alert type="warning" showIcon message={v.atRiskNote} />}
        </Space>
      )}
    </QueryView>
  );
}
