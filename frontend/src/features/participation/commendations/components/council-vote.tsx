import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ToneTag } from '@/components/tone-tag';
import { formatIsoDate } from '@/lib/format/date';
import { councilPaths } from '../../councils/paths';
import type { ProposalDetail } from '../api/commendations';

/**
 * The emulation council's vote on a proposal (Hội đồng Thi đua – Khen thưởng): the council, where it stands and — once
 * closed — the tally against the form's share. The decider is sent to form a council while none has passed it: the
 * decision needs a passed vote.
 */
export function CouncilVoteCard({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation();
  const c = (k: string, o: Record<string, unknown> = {}) => t(`commendations.council.${k}`, o);
  const vote = p.councilVote;
  const mayForm = p.canDecide && (!vote || (vote.status === 'Closed' && !vote.passed));
  if (!vote && !p.canDecide) return null;
  return (
    <Card title={c('title')} style={{ marginTop: 16 }} data-testid="council-vote">
      {vote ? (
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={c('council')}><Link to={councilPaths.detail(vote.councilId)}>{vote.councilName}</Link></Descriptions.Item>
          <Descriptions.Item label={c('result')}>
            {vote.status === 'Open' ? (
              <ToneTag tone="gold">{c('sitting')}</ToneTag>
            ) : vote.passed ? (
              <ToneTag tone="green">{c('passed')}</ToneTag>
            ) : (
              <ToneTag tone="red">{c('failed')}</ToneTag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={c('tally')}>
            <span data-testid="council-vote-tally">
              {vote.agree != null
                ? c('agreed', { agree: vote.agree, members: vote.members, needed: vote.needed })
                : c('voted', { votes: vote.votes, members: vote.members, needed: vote.needed })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={c('share')}>{vote.shareName} <Typography.Text type="secondary">({vote.basis})</Typography.Text></Descriptions.Item>
          {vote.decisionNumber ? (
            <Descriptions.Item label={c('minutes')}>{vote.decisionNumber} · {formatIsoDate(vote.decisionDate)}</Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
      {p.canDecide && !vote?.passed ? <Alert type="info" showIcon style={{ marginTop: vote ? 12 : 0 }} message={c('needed')} /> : null}
      {mayForm ? (
        <Link to={councilPaths.create(p.id, 'Commendation')}>
          <Button style={{ marginTop: 12 }} data-testid="form-commendation-council">{c('form')}</Button>
        </Link>
      ) : null}
    </Card>
  );
}
