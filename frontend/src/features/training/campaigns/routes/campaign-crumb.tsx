import { useQuery } from '@tanstack/react-query';
import type { UIMatch } from 'react-router-dom';
import type { RouteHandle } from '@/lib/route-handle';
import { campaignQueryKey, getCampaign } from '../api/campaigns';

function CampaignCrumb({ id }: { id: string }) {
  const { data } = useQuery({ queryKey: campaignQueryKey(id), queryFn: () => getCampaign(id) });
  return <>{data?.campaign.title ?? '…'}</>;
}

/** The `:campaignId` route only names the campaign in the breadcrumbs; its children render the screens. */
export const handle: RouteHandle = {
  crumb: (match: UIMatch) => <CampaignCrumb id={String(match.params.campaignId)} />,
};
