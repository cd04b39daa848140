import { Select, Space } from 'antd';
import { useState } from 'react';
import { useUser } from '../../app/auth.js';
import { useJurisdiction } from '../households/hooks.js';
import { exportTexts as m } from './texts.js';

const LEDGER_LEVELS = ['town', 'village'];

/**
 * Which place a ledger is of: the user's whole jurisdiction, a place directly
 * below it, and — for a county user who picks a town — one of that town's
 * villages (town → village, two selects a keyboard reaches one after the other).
 */
export function usePlaceScope() {
  const user = useUser();
  const own = useJurisdiction(user.jurisdictionId);
  const [first, setFirst] = useState<string>(user.jurisdictionId);
  const below = (own.data?.children ?? []).filter((c) => LEDGER_LEVELS.includes(c.level));
  const town = below.find((c) => c.id === first && c.level === 'town');
  const inTown = useJurisdiction(town?.id);
  const [village, setVillage] = useState<string | null>(null);
  const villages = town ? (inTown.data?.children ?? []).filter((c) => c.level === 'village') : [];
  const scope = town && village ? village : first;

  const picker =
    below.length === 0 ? null : (
      <Space wrap>
        <Select
          aria-label={m.scope}
          showSearch
          optionFilterProp="label"
          style={{ width: 240 }}
          value={first}
          onChange={(id: string) => {
            setFirst(id);
            setVillage(null);
          }}
          options={[{ value: user.jurisdictionId, label: m.wholeArea(own.data?.name ?? '') }, ...below.map((c) => ({ value: c.id, label: c.name }))]}
        />
        {town && (
          <Select
            aria-label={m.village}
            showSearch
            optionFilterProp="label"
            loading={inTown.isPending}
            style={{ width: 240 }}
            value={village ?? town.id}
            onChange={(id: string) => setVillage(id === town.id ? null : id)}
            options={[{ value: town.id, label: m.wholeArea(town.name) }, ...villages.map((c) => ({ value: c.id, label: c.name }))]}
          />
        )}
      </Space>
    );
  return { scope, picker };
}
