import { Button, Dropdown } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../api/units';
import { useUnitVersions, type UnitChangeKind } from '../api/unit-versions';
import { UnitHistoryChangeModal } from './unit-history-change-modal';
import { UnitSplitModal } from './unit-split-modal';

/** The structural changes a manager can make to an active unit: rename, move, merge into…, split, dissolve. */
export function UnitHistoryActions({ unit, etag }: { unit: UnitDetail; etag: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<UnitChangeKind | null>(null);
  const versions = useUnitVersions(unit.id);
  const isRoot = !unit.parentId;
  const label = (key: string) => t(`organization.unitHistory.actions.${key}`);
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          onClick: ({ key }) => setKind(key as UnitChangeKind),
          items: [
            { key: 'rename', label: label('rename'), 'data-testid': 'unit-action-rename' },
            { key: 'move', label: label('move'), disabled: isRoot, 'data-testid': 'unit-action-move' },
            { key: 'merge', label: label('merge'), disabled: isRoot, 'data-testid': 'unit-action-merge' },
            { key: 'split', label: label('split'), disabled: isRoot, 'data-testid': 'unit-action-split' },
            { type: 'divider' },
            { key: 'dissolve', label: label('dissolve'), danger: true, disabled: isRoot, 'data-testid': 'unit-action-dissolve' },
          ] as NonNullable<Parameters<typeof Dropdown>[0]['menu']>['items'],
        }}
      >
        <Button data-testid="unit-actions">
          {label('label')} <DownOutlined />
        </Button>
      </Dropdown>
      <UnitHistoryChangeModal
        kind={kind === 'split' ? null : kind}
        unit={unit}
        etag={etag}
        since={versions.data?.[0]?.validFrom}
        onClose={() => setKind(null)}
      />
      <UnitSplitModal open={kind === 'split'} unit={unit} etag={etag} since={versions.data?.[0]?.validFrom} onClose={() => setKind(null)} />
    </>
  );
}
