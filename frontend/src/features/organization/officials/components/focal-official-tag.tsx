import { Tag } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Marks the official who is their unit's KH,CN&ĐMST focal official. */
export function FocalOfficialTag() {
  const { t } = useTranslation();
  return (
    // Darker text than AntD's gold so the tag passes WCAG AA contrast.
    <Tag color="gold" icon={<StarFilled aria-hidden />} data-testid="focal-tag" style={{ color: '#874d00', marginInlineEnd: 0 }}>
      {t('organization.focal.tag')}
    </Tag>
  );
}
