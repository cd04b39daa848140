/** The county's places: a tree, and for the place picked, its rename, its retirement and the level below it. */
import { App, Button, Card, Checkbox, Col, Form, Input, Popconfirm, Row, Space, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { PARENT_LEVEL, type PlaceLevel } from '../../../../domain/administration/division-codes.js';
import { api } from '../../app/api.js';
import type { PlaceNode } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { useAdminChange, usePlaceTree } from './hooks.js';
import { a, PLACE_LEVEL_NAMES } from './messages.js';

const CHILD_LEVEL: Partial<Record<string, 'town' | 'village' | 'group'>> = { county: 'town', town: 'village', village: 'group' };

interface TreeNode {
  key: string;
  title: string;
  children: TreeNode[];
}

export function buildTree(places: readonly PlaceNode[], label: (p: PlaceNode) => string): TreeNode[] {
  const nodes = new Map(places.map((p) => [p.id, { key: p.id, title: label(p), children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const p of places) {
    const parent = p.parentId ? nodes.get(p.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(p.id)!);
  }
  return roots;
}

const labelOf = (p: PlaceNode) => `${p.name}${p.divisionCode ? `（${p.divisionCode}）` : ''}${p.retired ? `【${a.places.retired}】` : ''}`;

export function PlacesPage() {
  const [all, setAll] = useState(false);
  const tree = usePlaceTree(all);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {a.places.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{a.places.hint}</Typography.Paragraph>
      <QueryView query={tree}>
        {(data) => {
          const selected = data.places.find((p) => p.id === (selectedId ?? data.rootId));
          return (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Card size="small" title={a.places.tree} extra={<Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>{a.places.showRetired}</Checkbox>}>
                  <Tree
                    aria-label={a.places.tree}
                    defaultExpandAll
                    key={`${data.places.length}-${all}`}
                    treeData={buildTree(data.places, labelOf)}
                    selectedKeys={selected ? [selected.id] : []}
                    onSelect={(_, info) => setSelectedId(String(info.node.key))}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={12}>{selected ? <PlaceActions place={selected} onAdded={setSelectedId} /> : <Typography.Text>{a.places.pickOne}</Typography.Text>}</Col>
            </Row>
          );
        }}
      </QueryView>
    </Space>
  );
}

function PlaceActions({ place, onAdded }: { place: PlaceNode; onAdded: (id: string) => void }) {
  const { message } = App.useApp();
  const childLevel = CHILD_LEVEL[place.level];
  const add = useAdminChange(api.createPlace, ['places']);
  const rename = useAdminChange((name: string) => api.renamePlace(place.id, name), ['places']);
  const retire = useAdminChange(() => api.retirePlace(place.id), ['places']);
  const [addForm] = Form.useForm<{ divisionCode?: string; placeName: string }>();
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      void message.success(done);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const levelName = PLACE_LEVEL_NAMES[place.level as PlaceLevel] ?? place.level;
  const codePrefix = useMemo(() => (childLevel && childLevel !== 'group' ? place.id : ''), [childLevel, place.id]);
  return (
    <Card size="small" title={a.places.selected(`${levelName} ${place.name}`)}>
      {error && <Typography.Paragraph role="alert" type="danger">{error}</Typography.Paragraph>}
      {place.retired && <Tag>{a.places.retired}</Tag>}
      {childLevel && !place.retired && (
        <Form
          form={addForm}
          layout="vertical"
          aria-label={a.places.add(PLACE_LEVEL_NAMES[childLevel])}
          onFinish={(v) =>
            void run(async () => {
              const created = await add.mutateAsync({ parentId: place.id, level: childLevel, placeName: v.placeName, ...(childLevel === 'group' ? {} : { divisionCode: v.divisionCode ?? '' }) });
              addForm.resetFields();
              onAdded(created.parentId ?? created.id);
            }, a.places.added(v.placeName))
          }
        >
          {childLevel !== 'group' && (
            <Form.Item label={a.places.code} name="divisionCode" rules={[{ required: true, message: a.places.codeRequired }]} extra={codePrefix ? `${codePrefix}…` : undefined}>
              <Input inputMode="numeric" maxLength={12} placeholder={a.places.codePlaceholder} />
            </Form.Item>
          )}
          <Form.Item label={a.places.name} name="placeName" rules={[{ required: true, whitespace: true, message: a.places.nameRequired }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {a.places.add(PLACE_LEVEL_NAMES[childLevel])}
          </Button>
        </Form>
      )}
      {!childLevel && <Typography.Paragraph type="secondary">{a.places.noChild}</Typography.Paragraph>}
      {PARENT_LEVEL[place.level as PlaceLevel] && place.level !== 'county' && !place.retired && (
        <Space direction="vertical" style={{ marginTop: 16, width: '100%' }}>
          <Form layout="inline" aria-label={a.places.rename} onFinish={(v: { name: string }) => void run(() => rename.mutateAsync(v.name), a.places.renamed)}>
            <Form.Item label={a.places.newName} name="name" rules={[{ required: true, whitespace: true, message: a.places.nameRequired }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Button htmlType="submit" loading={rename.isPending}>
              {a.places.rename}
            </Button>
          </Form>
          <Popconfirm title={a.places.retireConfirm} onConfirm={() => void run(() => retire.mutateAsync(undefined), a.places.retiredDone)}>
            <Button danger>{a.places.retire}</Button>
          </Popconfirm>
        </Space>
      )}
    </Card>
  );
}
