/**
 * The household's measure tasks 帮扶任务: the town reassigns a task a department
 * handed back; the county records why an open required measure need not hold
 * risk elimination back 说明理由.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { mayDo } from '../../../../domain/access/actions.js';
import { OPEN_TASK_STATUSES } from '../../../../domain/measures/tasks.js';
import { api } from '../../app/api.js';
import type { TaskItem } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { taskTexts as k } from './task-texts.js';

const failure = (error: unknown) => (error instanceof Error ? error.message : t.loadFailed);
const OPEN: readonly string[] = OPEN_TASK_STATUSES;

function useRefresh(householdId: string) {
  const queries = useQueryClient();
  return () => Promise.all(['household-tasks', 'file', 'elimination'].map((key) => queries.invalidateQueries({ queryKey: [key, householdId] })));
}

function ReassignForm({ householdId, task }: { householdId: string; task: TaskItem }) {
  const { message } = App.useApp();
  const departments = useQuery({ queryKey: ['departments'], queryFn: () => api.departments(), staleTime: 5 * 60_000 });
  const refresh = useRefresh(householdId);
  const [error, setError] = useState<string | null>(null);
  const reassign = useMutation({ mutationFn: (v: { departmentId: string; note?: string }) => api.reassignTask(householdId, task.key, v), onSuccess: refresh });
  const options = (departments.data ?? []).filter((d) => d.id !== task.department?.id).map((d) => ({ value: d.id, label: d.name }));
  const submit = async (v: { departmentId: string; note?: string }) => {
    setError(null);
    try {
      await reassign.mutateAsync(v.note?.trim() ? v : { departmentId: v.departmentId });
      void message.success(k.reassignedDone(options.find((o) => o.value === v.departmentId)?.label ?? ''));
    } catch (err) {
      setError(failure(err));
    }
  };
  return (
    <Form layout="vertical" aria-label={`${k.reassign}：${task.measure.name}`} onFinish={(v: { departmentId: string; note?: string }) => void submit(v)} style={{ width: '100%' }}>
      {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Form.Item label={k.reassignTo(task.measure.name)} name="departmentId" rules={[{ required: true, message: k.chooseDepartment }]}>
        <Select options={options} loading={departments.isPending} showSearch optionFilterProp="label" style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item label={k.reassignNote} name="note">
        <Input maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={reassign.isPending}>
        {k.reassign}
      </Button>
    </Form>
  );
}

function WaiveForm({ householdId, task }: { householdId: string; task: TaskItem }) {
  const refresh = useRefresh(householdId);
  const [error, setError] = useState<string | null>(null);
  const waive = useMutation({ mutationFn: (reason: string) => api.waiveTask(householdId, task.key, { reason }), onSuccess: refresh });
  const submit = async (v: { reason: string }) => {
    setError(null);
    try {
      await waive.mutateAsync(v.reason);
    } catch (err) {
      setError(failure(err));
    }
  };
  return (
    <Form layout="vertical" aria-label={`${k.waive}：${task.measure.name}`} onFinish={(v: { reason: string }) => void submit(v)} style={{ width: '100%' }}>
      {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Form.Item label={k.waiveReason(task.measure.name)} name="reason" rules={[{ required: true, whitespace: true, message: k.waiveReasonRequired }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button htmlType="submit" loading={waive.isPending}>
        {k.waive}
      </Button>
    </Form>
  );
}

export function HouseholdTasks({ householdId }: { householdId: string }) {
  const user = useUser();
  const tasks = useQuery({ queryKey: ['household-tasks', householdId], queryFn: () => api.householdTasks(householdId) });
  return (
    <QueryView query={tasks} empty={(p) => p.items.length === 0} emptyText={k.none}>
      {(page) => (
        <List
          size="small"
          aria-label={k.title}
          dataSource={page.items}
          renderItem={(task) => {
            const reassigned = page.items.some((other) => other.reassignedFrom === task.key);
            const mayReassign = task.status === 'handed_back' && !reassigned && mayDo(user, 'reassignTask');
            const mayWaive = task.required && OPEN.includes(task.status) && !task.waiver && mayDo(user, 'waiveRequirement');
            return (
              <List.Item>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{task.measure.name}</Typography.Text>
                    <Tag>{task.statusName}</Tag>
                    {task.required && <Tag color="purple">{k.required}</Tag>}
                    {task.overdue && <Tag color="orange">{k.overdue(task.overdueDays)}</Tag>}
                    {reassigned && <Tag color="blue">{k.reassigned}</Tag>}
                  </Space>
                  <Typography.Text type="secondary">
                    {k.department}：{task.department?.name ?? '—'} · {k.lastDay}：{task.lastDay}
                  </Typography.Text>
                  {task.handBack && <Typography.Text>{k.handBack(task.handBack.reasonName, task.handBack.text)}</Typography.Text>}
                  {task.waiver && <Typography.Text>{k.waiver(task.waiver.reason)}</Typography.Text>}
                  {mayReassign && <ReassignForm householdId={householdId} task={task} />}
                  {mayWaive && <WaiveForm householdId={householdId} task={task} />}
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </QueryView>
  );
}
